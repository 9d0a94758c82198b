package org.cancelportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Each area for its role: /admin/* for admins, /support/* for support agents, everything else for subscribers. A signed-in person without the role
 * gets the 403 page in plain words; web.xml only demands that someone is signed in.
 */
@WebFilter(urlPatterns = "/*")
public class RoleAreaFilter extends HttpFilter {

    static final String SUBSCRIBER = "subscriber";
    static final String ADMIN = "admin";
    static final String SUPPORT = "support";

    private static String roleFor(HttpServletRequest request) {
        String path = request.getServletPath();
        if (path.startsWith("/admin/")) {
            return ADMIN;
        }
        return path.startsWith("/support/") ? SUPPORT : SUBSCRIBER;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !isPublic(request) && !request.isUserInRole(roleFor(request))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPublic(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/login") || path.startsWith("/cancel-contract")
                || path.startsWith("/jakarta.faces.resource/");
    }
}
