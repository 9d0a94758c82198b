package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.webhook.control.WebhookEndpoints;
import org.cancelportal.webhook.entity.WebhookEndpoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's webhook endpoints: where its systems hear of cancellations, undos, ends and refunds. */
@Path("webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook endpoints")
public class WebhookEndpointsResource {

    private static final Set<String> FIELDS = Set.of("url", "description", "events", "enabled");
    private static final String NOT_FOUND = "You have no webhook endpoint with this id.";

    @Inject
    CallingOperator caller;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Bodies bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook endpoint",
            description = "Body: url (https, on the public internet), events (a list of event names), optionally"
                    + " description. The answer holds the endpoint's signing secret (whsec_…): keep it, it is not"
                    + " shown again.")
    @APIResponse(responseCode = "201", description = "The endpoint, with its secret")
    @APIResponse(responseCode = "400", description = "Bad fields, each named (application/problem+json)")
    public Response create(String body) {
        WebhookEndpoints.WithSecret created = endpoints.create(source(), request(body));
        return Response.status(Response.Status.CREATED)
                .entity(json(created.endpoint()).add("secret", created.secret()).build()).build();
    }

    @GET
    @Operation(summary = "List your webhook endpoints", description = "Without their secrets.")
    public JsonObject list() {
        var items = Json.createArrayBuilder();
        endpoints.list(caller.account()).forEach(endpoint -> items.add(json(endpoint)));
        return Json.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one webhook endpoint")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response get(@PathParam("id") String id) {
        return answer(uuid(id).flatMap(known -> endpoints.find(caller.account(), known)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a webhook endpoint",
            description = "Any of url, events, description; enabled false switches it off, true on again.")
    @APIResponse(responseCode = "400", description = "Bad fields, each named")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response change(@PathParam("id") String id, String body) {
        WebhookEndpoints.Request request = request(body);
        return answer(uuid(id).flatMap(known -> endpoints.change(source(), known, request)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a webhook endpoint")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response delete(@PathParam("id") String id) {
        return uuid(id).filter(known -> endpoints.delete(source(), known))
                .map(deleted -> Response.noContent().build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, NOT_FOUND));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Give an endpoint a new signing secret",
            description = "The answer holds the new secret, shown once. Until previous_secret_valid_until,"
                    + " deliveries carry a signature with each secret, so the receiver can switch without a gap.")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response rotateSecret(@PathParam("id") String id) {
        return uuid(id).flatMap(known -> endpoints.rotateSecret(source(), known))
                .map(rotated -> Response.ok(json(rotated.endpoint()).add("secret", rotated.secret())
                        .add("previous_secret_valid_until", rotated.endpoint().getPreviousSecretUntil().toString())
                        .build()).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, NOT_FOUND));
    }

    private ChangeSource source() {
        return ChangeSource.api(caller.account());
    }

    private WebhookEndpoints.Request request(String body) {
        JsonFields fields = new JsonFields(bodies.object(body), FIELDS);
        WebhookEndpoints.Request request = new WebhookEndpoints.Request(fields.string("url"),
                fields.string("description"), fields.strings("events"), fields.bool("enabled"));
        return bodies.checked(request, fields);
    }

    private static Response answer(Optional<WebhookEndpoint> endpoint) {
        return endpoint.map(found -> Response.ok(json(found).build()).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, NOT_FOUND));
    }

    /** The id from a path, or empty for one that cannot be any endpoint's. */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static JsonObjectBuilder json(WebhookEndpoint endpoint) {
        var events = Json.createArrayBuilder();
        endpoint.getEventTypes().forEach(events::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", endpoint.getId().toString())
                .add("url", endpoint.getUrl())
                .add("description", endpoint.getDescription())
                .add("events", events)
                .add("enabled", endpoint.isEnabled())
                .add("created_at", endpoint.getCreatedAt().toString())
                .add("updated_at", endpoint.getUpdatedAt().toString());
        if (endpoint.getDisabledReason() != null) {
            json.add("disabled_reason", endpoint.getDisabledReason());
        }
        return json;
    }
}
