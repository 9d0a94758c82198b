package org.cancelportal.operator.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.cancelportal.web.http.ProblemDetails;

/**
 * The errors the runtime raises itself (no such path, method not allowed, a body type not accepted) as problem
 * details too, so an operator's client handles every error the same way.
 */
@Provider
public class WebErrorsMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response response = e.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        return ProblemDetails.of(response.getStatusInfo(), switch (response.getStatus()) {
            case 404 -> "There is nothing at this address. The API's calls are listed at /openapi/ui/.";
            case 405 -> "This address does not take this method. The API's calls are listed at /openapi/ui/.";
            case 415 -> "Send the body as JSON, with Content-Type: application/json.";
            default -> response.getStatusInfo().getReasonPhrase() + ".";
        });
    }
}
