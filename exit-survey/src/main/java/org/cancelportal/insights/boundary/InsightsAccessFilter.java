package org.cancelportal.insights.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The product team's pages are for the product and admin roles. Anyone else who is signed in gets the 403 page in
 * plain words; web.xml only demands that someone is signed in, so nobody anonymous reaches this far.
 */
@WebFilter(urlPatterns = {"/insights", "/insights/*", "/insights.xhtml"})
public class InsightsAccessFilter extends HttpFilter {

    public static final String PRODUCT = "product";
    public static final String ADMIN = "admin";

    public static boolean mayReadInsights(HttpServletRequest request) {
        return request.isUserInRole(PRODUCT) || request.isUserInRole(ADMIN);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !mayReadInsights(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
