package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.operatordata.control.OperatorUpserts;
import org.cancelportal.operatordata.control.SubscriptionDetails;
import org.cancelportal.operatordata.control.Upserted;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subscriptions, by the operator's own id: pushed in from billing, and read back with their cancellation. */
@Path("subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionsResource {

    private static final Set<String> FIELDS = Set.of("subscriber", "plan", "started_at", "current_period_start",
            "current_period_end", "trial_ends_at", "service_start_requested");

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
    @Path("{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a subscription",
            description = "Idempotent. Body: subscriber (your id for them), plan (code), started_at,"
                    + " current_period_start, current_period_end, trial_ends_at (optional); times in UTC, ISO 8601;"
                    + " service_start_requested (optional, true/false, false for a new one): whether the consumer"
                    + " asked for the service to start within the withdrawal period, so that a withdrawal keeps back"
                    + " the days used."
                    + " A renewal or plan change updates the period and plan. A period reaching past the date of a"
                    + " cancellation in force is not applied: the answer says renewal_held_back, support is told,"
                    + " and the event subscription.renewed_after_cancellation goes to your webhook endpoints.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated, or already so")
    @APIResponse(responseCode = "400", description = "Bad fields, each named (application/problem+json)")
    @APIResponse(responseCode = "409", description = "It belongs to another subscriber, or has ended")
    public Response put(@PathParam("externalId") String externalId, String body) {
        return writes.answer(() -> upsert(externalId, body));
    }

    private Response upsert(String externalId, String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        Boolean startRequested = fields.bool("service_start_requested");
        SubscriptionDetails details = bodies.checked(new SubscriptionDetails(fields.string("subscriber"),
                fields.string("plan"), fields.instant("started_at"), fields.instant("current_period_start"),
                fields.instant("current_period_end"), fields.instant("trial_ends_at")), fields);
        Upserted<Subscription> result = upserts.subscription(ChangeSource.api(caller.account()), externalId, details);
        Subscription subscription = result.record();
        if (startRequested != null) {
            upserts.serviceStartRequested(ChangeSource.api(caller.account()), externalId, startRequested);
            subscription.setServiceStartRequested(startRequested);
        }
        // one made by this call has no cancellation or withdrawal yet: nothing to read for its answer
        jakarta.json.JsonObject answer = result.created()
                ? Representations.withWithdrawal(Representations.subscription(subscription, null), null)
                : withWithdrawal(Representations.subscription(subscription,
                        records.inForce(List.of(subscription)).get(subscription.getId())), subscription);
        if (result.renewalHeldBack()) {
            answer = jakarta.json.Json.createObjectBuilder(answer).add("renewal_held_back", "This subscription's"
                    + " cancellation is in force, and its subscriber was told they will not be charged again. The"
                    + " period you sent reaches past the cancellation's date, so it was not applied: the"
                    + " cancellation's date stands. If your billing has charged a renewal, stop it or pay it back."
                    + " Our support desk has been told.").build();
        }
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK).entity(answer).build();
    }

    @GET
    @Path("{externalId}")
    @Operation(summary = "Read one subscription, with its cancellation if one is in force")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "You have no subscription with this id")
    public Response get(@PathParam("externalId") String externalId) {
        return records.subscription(caller.account(), externalId, LockModeType.NONE)
                .map(subscription -> Response.ok(withWithdrawal(Representations.subscription(subscription,
                        records.inForce(List.of(subscription)).get(subscription.getId())), subscription)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND,
                        "You have no subscription with this id."));
    }

    @GET
    @Operation(summary = "List your subscriptions, oldest first, a page at a time",
            description = "Pass the next_cursor of a page as 'after' to get the next; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(after, limit);
        OperatorRecords.Page<Subscription> found = records.subscriptions(caller.account(), page.after(), page.limit());
        Map<Long, Cancellation> inForce = records.inForce(found.items());
        Map<Long, Withdrawal> withdrawn = withdrawals.of(found.items());
        return Response.ok(Representations.page(found.items(), found.nextAfter(),
                subscription -> Representations.withWithdrawal(Representations.subscription(subscription,
                        inForce.get(subscription.getId())), withdrawn.get(subscription.getId())))).build();
    }

    @Inject
    Withdrawals withdrawals;

    private JsonObject withWithdrawal(JsonObject json, Subscription subscription) {
        return Representations.withWithdrawal(json, withdrawals.of(subscription.getId()).orElse(null));
    }
}
