package org.cancelportal.operator.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.cancelportal.operator.control.OperatorCallLog;

/**
 * Records each call of an identified operator, whatever its outcome. A write that went through
 * {@link IdempotentRequests} or {@link AuditedWrites} was recorded in its own transaction already; everything else,
 * a refused write too, is recorded here.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class CallAudit implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    CallingOperator caller;

    @Inject
    OperatorCallLog log;

    @Override
    public void filter(ContainerRequestContext request) {
        if (caller.isIdentified()) {
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            caller.calling(request.getMethod() + " /api/v1/"
                    + request.getUriInfo().getPath(false).replaceFirst("^/", "")
                    + (query == null ? "" : "?" + query));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (caller.isIdentified() && !caller.isRecordedWith(response.getStatus())) {
            log.called(caller.account(), caller.call(), response.getStatus());
        }
    }
}
