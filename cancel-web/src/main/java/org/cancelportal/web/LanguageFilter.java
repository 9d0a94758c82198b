package org.cancelportal.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The language switch is a plain link (?lang=de), so it works without JavaScript and on every page. */
@WebFilter(urlPatterns = "/*")
public class LanguageFilter extends HttpFilter {

    @Inject
    LanguageSelection selection;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        LanguageSelection.supported(request.getParameter("lang")).ifPresent(selection::choose);
        chain.doFilter(request, response);
    }
}
