package org.cancelportal.operator.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.cancelportal.web.http.BearerToken;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.Operators;

/** Every call needs one of the operator's live API keys; without one: 401, saying how to send it. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class OperatorKeyFilter implements ContainerRequestFilter {

    @Inject
    Operators operators;

    @Inject
    CallingOperator caller;

    @Override
    public void filter(ContainerRequestContext context) {
        Optional<OperatorAccount> operator = BearerToken.from(context.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(operators::byApiKey);
        if (operator.isPresent()) {
            caller.identify(operator.get());
            return;
        }
        context.abortWith(Response.fromResponse(ProblemDetails.of(Response.Status.UNAUTHORIZED,
                        "Send one of your API keys as 'Authorization: Bearer <key>'."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"operator\"").build());
    }
}
