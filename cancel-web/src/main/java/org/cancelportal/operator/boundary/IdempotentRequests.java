package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cancelportal.idempotency.control.IdempotentCalls;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.OperatorCallLog;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.subscription.entity.Subscription;
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

    @Inject
    OperatorRecords records;

    /**
     * A change to one of the operator's subscriptions, once per key: the subscription is locked at its one read, so
     * what the change sees of it (cancelled already? withdrawn already?) cannot change before it is made, and the key,
     * the change and the call's audit commit together.
     */
    public Response onSubscription(OperatorAccount operator, String key, String externalId, String action, String body,
                                   Function<Subscription, StoredResponse> change) {
        return answer(operator.id(), key, "POST", "subscriptions/" + externalId + "/" + action, body,
                () -> records.subscription(operator, externalId, LockModeType.PESSIMISTIC_WRITE).map(change)
                        .orElseGet(() -> notFound("You have no subscription with this id. Nothing was done.")));
    }

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
