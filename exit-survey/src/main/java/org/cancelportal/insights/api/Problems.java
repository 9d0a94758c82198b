package org.cancelportal.insights.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cancelportal.insights.control.FilterParameters;

/** Errors as RFC 9457 problem details, naming each parameter that could not be used. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response response(Response.Status status, String detail) {
        return build(status, detail, Json.createArrayBuilder());
    }

    static Response invalidParameters(List<FilterParameters.Problem> problems) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        problems.forEach(problem -> errors.add(Json.createObjectBuilder().add("parameter", problem.field())
                .add("detail", problem.detail())));
        return build(Response.Status.BAD_REQUEST, "Some parameters could not be used; nothing was read.", errors);
    }

    private static Response build(Response.Status status, String detail, JsonArrayBuilder errors) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .add("errors", errors);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(body.build().toString()).build();
    }
}
