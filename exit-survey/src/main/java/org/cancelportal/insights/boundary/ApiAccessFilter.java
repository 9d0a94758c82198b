package org.cancelportal.insights.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.web.http.BearerToken;
import org.cancelportal.insights.boundary.InsightsAccessFilter;

/**
 * Every call needs a valid API key, or the session of someone signed in with the product or admin role. Without
 * either: 401 (with how to authenticate); signed in without the role: 403.
 */
@Provider
public class ApiAccessFilter implements ContainerRequestFilter {

    @Inject
    ApiKeys keys;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        boolean keyAccepted = BearerToken.from(context.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(keys::accepts).orElse(false);
        if (keyAccepted || InsightsAccessFilter.mayReadInsights(request)) {
            return;
        }
        if (request.getUserPrincipal() != null) {
            context.abortWith(ProblemDetails.of(Response.Status.FORBIDDEN,
                    "This account may not read insights: it needs the product or admin role."));
        } else {
            context.abortWith(Response.fromResponse(ProblemDetails.of(Response.Status.UNAUTHORIZED,
                            "Send an API key as 'Authorization: Bearer <key>', or sign in at /survey/login."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"insights\"").build());
        }
    }
}
