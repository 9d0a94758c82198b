package org.cancelportal.operator.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.web.http.ProblemDetails;

/** 400, naming each bad field; nothing was changed. */
@Provider
public class InvalidFieldsMapper implements ExceptionMapper<InvalidFieldsException> {

    @Override
    public Response toResponse(InvalidFieldsException e) {
        return ProblemDetails.of(Response.Status.BAD_REQUEST, "Some fields could not be used; nothing was changed.",
                e.problems().stream().map(problem -> new ProblemDetails.Part("field", problem.field(),
                        problem.detail())).toList());
    }
}
