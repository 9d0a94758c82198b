package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.cancelportal.idempotency.control.IdempotentCalls;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorCallLog;
import org.cancelportal.web.http.ProblemDetails;

/**
 * The API's writes that must happen once however often they are sent: they need an Idempotency-Key, and a retry with
 * the same key and body gets the first answer again, marked Idempotent-Replayed.
 */
@ApplicationScoped
public class IdempotentRequests {

    @Inject
    IdempotentCalls calls;

    @Inject
    CallingOperator caller;

    @Inject
    OperatorCallLog log;

    public Response answer(long operatorId, String key, String method, String path, String body,
                           Supplier<StoredResponse> call) {
        if (key == null || key.isBlank() || key.length() > IdempotentCalls.MAX_KEY_LENGTH) {
            return ProblemDetails.of(Response.Status.BAD_REQUEST, "Send an Idempotency-Key header, so that a retry"
                    + " cannot do this twice. Nothing was done.", List.of(new ProblemDetails.Part("header",
                    KeyReusedMapper.HEADER, "Required: 1 to " + IdempotentCalls.MAX_KEY_LENGTH + " characters.")));
        }
        IdempotentCalls.Outcome outcome = calls.run(operatorId, key, IdempotentCalls.fingerprint(method, path, body),
                call, status -> log.calledWithin(caller.account(), caller.call(), status));
        caller.recordedWith(outcome.response().status()); // committed: the response filter need not record it again
        StoredResponse response = outcome.response();
        Response.ResponseBuilder answer = Response.status(response.status()).entity(response.body())
                .type(response.status() >= 400 ? ProblemDetails.MEDIA_TYPE : MediaType.APPLICATION_JSON);
        return (outcome.replayed() ? answer.header("Idempotent-Replayed", "true") : answer).build();
    }

    /** A 404 as a stored answer, so that a retry of the same key gets it again. */
    static StoredResponse notFound(String detail) {
        Response notFound = ProblemDetails.of(Response.Status.NOT_FOUND, detail);
        return new StoredResponse(notFound.getStatus(), (String) notFound.getEntity());
    }
}
