package org.cancelportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The subscriber pages are for the subscriber role. A signed-in person without it (a staff login) gets the 403 page
 * in plain words; web.xml only demands that someone is signed in.
 */
@WebFilter(urlPatterns = "/*")
public class RoleAreaFilter extends HttpFilter {

    static final String SUBSCRIBER = "subscriber";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !request.isUserInRole(SUBSCRIBER) && !isPublic(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPublic(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/login") || path.startsWith("/jakarta.faces.resource/");
    }
}
