package org.cancelportal.survey.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves the links from the invitation email: /r/{token} is the survey, /opt-out/{token} the opt-out page. */
@WebFilter(urlPatterns = {"/r/*", "/opt-out/*"})
public class SurveyLinkFilter extends HttpFilter {

    public static final String TOKEN = "surveyToken";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // No servlet is mapped to these paths, so the path info is not split off: read it from the URI.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean answer = path.startsWith("/r/");
        request.setAttribute(TOKEN, path.substring(path.indexOf('/', 1) + 1));
        String page = answer ? "/respond.xhtml" : "/opt-out.xhtml";
        request.getRequestDispatcher(page).forward(request, response);
    }
}
