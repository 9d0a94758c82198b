package org.cancelportal.operator.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.cancelportal.operatordata.control.ConflictException;
import org.cancelportal.web.http.ProblemDetails;

/** 409: the request contradicts what is stored; nothing was changed. */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException e) {
        return ProblemDetails.of(Response.Status.CONFLICT, e.getMessage() + " Nothing was changed.",
                List.of(new ProblemDetails.Part("field", e.field(), e.getMessage())));
    }
}
