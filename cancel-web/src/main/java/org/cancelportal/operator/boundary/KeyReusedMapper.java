package org.cancelportal.operator.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.idempotency.control.KeyReusedException;

/** 422: an Idempotency-Key sent again with a different request. */
@Provider
public class KeyReusedMapper implements ExceptionMapper<KeyReusedException> {

    static final String HEADER = "Idempotency-Key";

    @Override
    public Response toResponse(KeyReusedException e) {
        return ProblemDetails.of(ProblemDetails.UNPROCESSABLE, "This Idempotency-Key was used in the last 24"
                        + " hours for a different request. Nothing was done. Use a new key for a new request.",
                List.of(new ProblemDetails.Part("header", HEADER, "Already used for a different request.")));
    }
}
