package org.cancelportal.web.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Errors of our JSON APIs as RFC 9457 problem details: a status, a sentence for a person, and for a request with bad
 * parts an "errors" list naming each part (a field, a parameter, a header) with what is wrong with it.
 */
public final class ProblemDetails {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad part of a request: its kind ("field", "parameter", "header"), its name, and what is wrong. */
    public record Part(String kind, String name, String detail) {
    }

    /** 422, which this version of Jakarta REST has no constant for. */
    public static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private ProblemDetails() {
    }

    public static Response of(Response.StatusType status, String detail) {
        return of(status, detail, List.of());
    }

    /** 400 for query parameters that could not be used, each named; a read that refuses them reads nothing. */
    public static Response badParameters(List<Part> parameters) {
        return of(Response.Status.BAD_REQUEST, "Some parameters could not be used; nothing was read.", parameters);
    }

    /** A bad query parameter, by its name. */
    public static Part parameter(String name, String detail) {
        return new Part("parameter", name, detail);
    }

    public static Response of(Response.StatusType status, String detail, List<Part> parts) {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE))
                .entity(json(status.getStatusCode(), status.getReasonPhrase(), detail, parts)).build();
    }

    /** The body alone, for an answer given outside Jakarta REST (a servlet filter). */
    public static String json(int status, String title, String detail, List<Part> parts) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        parts.forEach(part -> errors.add(Json.createObjectBuilder().add(part.kind(), part.name())
                .add("detail", part.detail())));
        return Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("errors", errors)
                .build().toString();
    }
}
