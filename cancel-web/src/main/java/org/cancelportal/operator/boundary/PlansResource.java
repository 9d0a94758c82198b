package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.math.BigDecimal;
import java.util.Set;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.operatordata.control.OperatorPlans;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.operatordata.control.PlanDetails;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.PlanPrice;
import org.cancelportal.web.http.ProblemDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operator's own plans, by code: made and changed here, with the terms the portal applies (the price, and the
 * withdrawal period). The shared plans can be read, not changed; another operator's plans do not exist here.
 */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlansResource {

    private static final Set<String> FIELDS = Set.of("name", "price", "currency", "billing_period",
            "withdrawal_days", "price_effective_at");

    @Inject
    CallingOperator caller;

    @Inject
    OperatorPlans plans;

    @Inject
    OperatorRecords records;

    @Inject
    Bodies bodies;

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update one of your plans",
            description = "Idempotent. Body: name, price (a decimal string such as \"9.99\"), currency (ISO 4217),"
                    + " billing_period (MONTHLY or YEARLY; with the currency fixed once the plan exists),"
                    + " withdrawal_days (absent or null: the portal's default period; 0: no right of withdrawal;"
                    + " 1 to 365), price_effective_at (optional, a time in UTC up to 366 days ahead: each"
                    + " subscription's first charge then or later is at the new price; absent: its next charge)."
                    + " A new price writes a notice to every subscriber on the plan who will be charged again, sent"
                    + " when its legal window opens; the answer's price_change counts them, and how many are late"
                    + " (each late one also goes to your endpoints as notice.late).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated, or already so")
    @APIResponse(responseCode = "400", description = "Bad fields, each named (application/problem+json)")
    @APIResponse(responseCode = "409", description = "The code names a shared plan, which you cannot change")
    public Response put(@PathParam("code") String code, String body) {
        JsonFields fields = new JsonFields(bodies.object(body), FIELDS);
        BigDecimal price = decimal(fields, "price");
        Integer withdrawalDays = whole(fields, "withdrawal_days");
        PlanDetails details = bodies.checked(new PlanDetails(fields.string("name"), price, fields.string("currency"),
                fields.string("billing_period"), withdrawalDays, fields.instant("price_effective_at")), fields);
        OperatorPlans.PlanChange change = plans.put(ChangeSource.api(caller.account()), code, details);
        JsonObjectBuilder answer = Json.createObjectBuilder(plan(change.plan()));
        if (change.priceEffectiveAt() != null) {
            answer.add("price_change", Json.createObjectBuilder()
                    .add("effective_at", change.priceEffectiveAt().toString())
                    .add("notices", change.told().notices())
                    .add("late_notices", change.told().late()));
        }
        return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(answer.build()).build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Read one plan: yours, or else a shared one with this code")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", description = "Neither you nor the shared plans have a plan with this code")
    public Response get(@PathParam("code") String code) {
        return records.plan(caller.account(), code).map(plan -> Response.ok(plan(plan)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, "You have no plan with this code."));
    }

    @GET
    @Operation(summary = "List your plans and the shared ones, a page at a time",
            description = "Pass the next_cursor of a page as 'after' to get the next; it is null on the last page.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor")
    public Response list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(after, limit);
        OperatorRecords.Page<Plan> found = records.plans(caller.account(), page.after(), page.limit());
        return Response.ok(Representations.page(found.items(), found.nextAfter(), PlansResource::plan)).build();
    }

    static JsonObject plan(Plan plan) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("code", plan.getCode())
                .add("name", plan.getName())
                .add("price", money(plan.getPrice()))
                .add("billing_period", plan.getBillingPeriod().name())
                .add("shared", plan.isShared());
        if (plan.getWithdrawalDays() == null) {
            json.addNull("withdrawal_days");
        } else {
            json.add("withdrawal_days", plan.getWithdrawalDays());
        }
        JsonArrayBuilder prices = Json.createArrayBuilder();
        plan.getPrices().stream().sorted(java.util.Comparator.comparing(PlanPrice::getAppliesFrom))
                .forEach(price -> prices.add(Json.createObjectBuilder()
                        .add("amount", new Money(price.getAmount(), plan.getPrice().currency()).amount()
                                .toPlainString())
                        .add("applies_from", price.getAppliesFrom().toString())));
        return json.add("prices", prices).build();
    }

    private static JsonObject money(Money money) {
        return Json.createObjectBuilder().add("amount", money.amount().toPlainString())
                .add("currency", money.currency().getCurrencyCode()).build();
    }

    private static BigDecimal decimal(JsonFields fields, String name) {
        String text = fields.string(name);
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            fields.problem(name, "Give the price as a decimal such as \"9.99\".");
            return null;
        }
    }

    private static Integer whole(JsonFields fields, String name) {
        String text = fields.string(name);
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            fields.problem(name, "Give a whole number of days, or null for the portal's default period.");
            return null;
        }
    }
}
