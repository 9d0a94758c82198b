package org.cancelportal.insights.api;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.insights.control.FilterParameters;

/** Errors as RFC 9457 problem details, naming each parameter that could not be used. */
final class Problems {

    static final String MEDIA_TYPE = ProblemDetails.MEDIA_TYPE;

    private Problems() {
    }

    static Response response(Response.Status status, String detail) {
        return ProblemDetails.of(status, detail);
    }

    static Response invalidParameters(List<FilterParameters.Problem> problems) {
        return ProblemDetails.of(Response.Status.BAD_REQUEST, "Some parameters could not be used; nothing was read.",
                problems.stream().map(problem -> new ProblemDetails.Part("parameter", problem.field(),
                        problem.detail())).toList());
    }
}
