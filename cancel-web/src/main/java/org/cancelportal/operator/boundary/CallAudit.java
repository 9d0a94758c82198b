package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.cancelportal.operator.control.OperatorCallLog;

/** Records each call of an identified operator, whatever its outcome. */
@Provider
public class CallAudit implements ContainerResponseFilter {

    @Inject
    CallingOperator caller;

    @Inject
    OperatorCallLog log;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (caller.isIdentified()) {
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            log.called(caller.account(), request.getMethod(),
                    "/api/v1/" + request.getUriInfo().getPath(false).replaceFirst("^/", "")
                            + (query == null ? "" : "?" + query), response.getStatus());
        }
    }
}
