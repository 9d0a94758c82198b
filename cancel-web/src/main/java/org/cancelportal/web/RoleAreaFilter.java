package org.cancelportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Each area for its role, as {@link RoleAreas} declares them. A signed-in person without the role gets the 403 page
 * in plain words: the server would answer a role failure declared in web.xml with an empty 403, so web.xml only
 * demands that someone is signed in.
 */
@WebFilter(urlPatterns = "/*")
public class RoleAreaFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() != null && !RoleAreas.isPublic(path)
                && !request.isUserInRole(RoleAreas.roleFor(path))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
