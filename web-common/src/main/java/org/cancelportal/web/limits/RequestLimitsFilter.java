package org.cancelportal.web.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cancelportal.web.http.ProblemDetails;

/**
 * Refuses a request that carries more than {@link RequestLimits} allows before anything reads it: by its declared
 * length, and for a form by the length of each field. Pages answer with their 413 error page, the API with problem
 * details. A body sent without a declared length is held by the server's own, larger message size limit.
 */
public class RequestLimitsFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long max = RequestLimits.maxBytes(request.getContentType());
        if (request.getContentLengthLong() > max) {
            refuse(request, response, "This request carries more than the " + max / 1024
                    + " KiB it may; nothing was changed.");
            return;
        }
        if (isForm(request) && request.getParameterMap().values().stream().flatMap(Arrays::stream)
                .anyMatch(RequestLimits::tooLong)) {
            refuse(request, response, "A field is longer than the " + RequestLimits.FIELD_CHARACTERS
                    + " characters any field takes; nothing was changed.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        // the rest of a body too large is not read: the connection closes after the answer
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemDetails.json(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Content Too Large", detail, List.of()));
            return;
        }
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }
}
