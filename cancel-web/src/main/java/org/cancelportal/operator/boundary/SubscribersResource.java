package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.persistence.LockModeType;
import java.util.Set;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.operatordata.control.OperatorUpserts;
import org.cancelportal.operatordata.control.SubscriberDetails;
import org.cancelportal.operatordata.control.Upserted;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.subscription.entity.Subscriber;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscribers, by the operator's own id. */
@Path("subscribers/{externalId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscribers")
public class SubscribersResource {

    private static final Set<String> FIELDS = Set.of("email", "name", "locale", "time_zone", "country");

    @Inject
    CallingOperator caller;

    @Inject
    AuditedWrites writes;

    @Inject
    OperatorUpserts upserts;

    @Inject
    OperatorRecords records;

    @Inject
    Bodies bodies;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a subscriber",
            description = "Idempotent: the same body again changes nothing. Body: email, name, locale ('en' or"
                    + " 'de', default 'en'), time_zone (default 'UTC'), country (ISO 3166-1 alpha-2 such as 'DE', optional:"
                    + " without it the strictest reminder rules apply).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated, or already so")
    @APIResponse(responseCode = "400", description = "Bad fields, each named (application/problem+json)")
    @APIResponse(responseCode = "409", description = "Another of your subscribers has this email address")
    public Response put(@PathParam("externalId") String externalId, String body) {
        return writes.answer(() -> upsert(externalId, body));
    }

    private Response upsert(String externalId, String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        String timeZone = json.containsKey("time_zone") ? fields.zone("time_zone") : "UTC";
        SubscriberDetails details = bodies.checked(new SubscriberDetails(fields.string("email"),
                fields.string("name"), fields.string("locale"), timeZone, fields.string("country")), fields);
        Upserted<Subscriber> result = upserts.subscriber(ChangeSource.api(caller.account()), externalId, details);
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Representations.subscriber(result.record())).build();
    }

    @GET
    @Operation(summary = "Read one subscriber")
    @APIResponse(responseCode = "200", description = "The subscriber")
    @APIResponse(responseCode = "404", description = "You have no subscriber with this id")
    public Response get(@PathParam("externalId") String externalId) {
        return records.subscriber(caller.account(), externalId, LockModeType.NONE)
                .map(subscriber -> Response.ok(Representations.subscriber(subscriber)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, "You have no subscriber with this id."));
    }
}
