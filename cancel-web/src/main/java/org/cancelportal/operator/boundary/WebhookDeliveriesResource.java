package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.webhook.control.WebhookDeliveryLog;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An endpoint's delivery log, each delivery's attempts, and replay. */
@Path("webhook-endpoints/{endpoint}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhook endpoints")
public class WebhookDeliveriesResource {

    private static final String NOT_FOUND = "You have no webhook endpoint or delivery with this id.";

    @Inject
    CallingOperator caller;

    @Inject
    WebhookDeliveryLog log;

    @GET
    @Operation(summary = "The endpoint's latest deliveries", description = "Newest first, at most 100.")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response list(@PathParam("endpoint") String endpoint) {
        return uuid(endpoint).flatMap(id -> log.deliveries(caller.account(), id)).map(deliveries -> {
            var items = Json.createArrayBuilder();
            deliveries.forEach(delivery -> items.add(json(delivery)));
            return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
        }).orElseGet(WebhookDeliveriesResource::notFound);
    }

    @GET
    @Path("{delivery}")
    @Operation(summary = "One delivery's attempts",
            description = "Each attempt's time, status, latency, and the first 500 characters of the answer or the"
                    + " error.")
    @APIResponse(responseCode = "404", description = "You have no such delivery")
    public Response attempts(@PathParam("endpoint") String endpoint, @PathParam("delivery") String delivery) {
        return uuid(endpoint).flatMap(id -> log.attempts(caller.account(), id, delivery)).map(attempts -> {
            var items = Json.createArrayBuilder();
            attempts.forEach(attempt -> {
                JsonObjectBuilder json = Json.createObjectBuilder()
                        .add("attempt", attempt.attempt())
                        .add("started_at", attempt.startedAt().toString())
                        .add("latency_ms", attempt.latencyMs());
                if (attempt.statusCode() != null) {
                    json.add("status", attempt.statusCode());
                }
                if (attempt.response() != null) {
                    json.add("response", attempt.response());
                }
                if (attempt.error() != null) {
                    json.add("error", attempt.error());
                }
                items.add(json);
            });
            return Response.ok(Json.createObjectBuilder().add("id", delivery).add("attempts", items).build())
                    .build();
        }).orElseGet(WebhookDeliveriesResource::notFound);
    }

    @POST
    @Path("{delivery}/replay")
    @Operation(summary = "Send one delivery again", description = "At once, with the same webhook-id and body.")
    @APIResponse(responseCode = "202", description = "In line to be sent")
    @APIResponse(responseCode = "404", description = "You have no such delivery")
    public Response replay(@PathParam("endpoint") String endpoint, @PathParam("delivery") String delivery) {
        return uuid(endpoint).filter(id -> log.replay(ChangeSource.api(caller.account()), id, delivery))
                .map(id -> replayed(1)).orElseGet(WebhookDeliveriesResource::notFound);
    }

    @POST
    @Path("replay")
    @Operation(summary = "Send again every delivery since a time",
            description = "since: a time in UTC such as 2026-12-01T00:00:00Z; every delivery of this endpoint whose"
                    + " event happened then or later.")
    @APIResponse(responseCode = "202", description = "How many are in line to be sent")
    @APIResponse(responseCode = "400", description = "since is missing or not a time")
    @APIResponse(responseCode = "404", description = "You have no endpoint with this id")
    public Response replaySince(@PathParam("endpoint") String endpoint, @QueryParam("since") String since) {
        Instant from;
        try {
            from = Instant.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldsException("since", "Give a time in UTC such as 2026-12-01T00:00:00Z.");
        }
        return uuid(endpoint).flatMap(id -> log.replaySince(ChangeSource.api(caller.account()), id, from))
                .map(WebhookDeliveriesResource::replayed).orElseGet(WebhookDeliveriesResource::notFound);
    }

    private static Response replayed(int count) {
        return Response.accepted(Json.createObjectBuilder().add("replayed", count).build()).build();
    }

    private static JsonObjectBuilder json(WebhookDeliveryLog.Delivery delivery) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", delivery.id())
                .add("type", delivery.eventType())
                .add("status", delivery.status())
                .add("attempts", delivery.attempts())
                .add("occurred_at", delivery.occurredAt().toString());
        if (delivery.nextAttemptAt() != null) {
            json.add("next_attempt_at", delivery.nextAttemptAt().toString());
        }
        if (delivery.deliveredAt() != null) {
            json.add("delivered_at", delivery.deliveredAt().toString());
        }
        return json;
    }

    private static Response notFound() {
        return ProblemDetails.of(Response.Status.NOT_FOUND, NOT_FOUND);
    }

    private static Optional<UUID> uuid(String id) {
        return WebhookEndpointsResource.uuid(id);
    }
}
