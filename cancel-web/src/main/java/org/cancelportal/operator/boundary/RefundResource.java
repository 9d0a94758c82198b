package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.web.http.ProblemDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The refund a cancellation promised, and the operator's word on it: paid or failed. The receipt and an email tell
 * the subscriber what the operator says, and nothing before it says so.
 */
@Path("cancellations/{reference}/refund")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cancellations")
public class RefundResource {

    private static final Set<String> FIELDS = Set.of("status", "paid_on", "payment_reference", "reason");
    private static final String NO_REFUND = "You have no cancellation with this reference that promised a refund.";

    @Inject
    CallingOperator caller;

    @Inject
    OperatorRecords records;

    @Inject
    Refunds refunds;

    @Inject
    IdempotentRequests requests;

    @Inject
    Bodies bodies;

    @GET
    @Operation(summary = "Where the refund of a cancellation stands",
            description = "status: due (you still have time to confirm it), overdue (the days to confirm it have"
                    + " passed), paid or failed (as you reported).")
    @APIResponse(responseCode = "200", description = "The refund")
    @APIResponse(responseCode = "404", description = "No such cancellation of yours, or it promised no refund")
    public Response get(@PathParam("reference") String reference) {
        return cancellation(caller.account(), reference).flatMap(refunds::of)
                .map(refund -> Response.ok(Representations.refund(refund)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, NO_REFUND));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Say that the refund was paid, or that paying it failed",
            description = "Body: {\"status\": \"paid\", \"paid_on\": \"2026-12-03\", \"payment_reference\": \"re_123\"}"
                    + " or {\"status\": \"failed\", \"reason\": \"The card has expired.\"} (the subscriber reads the"
                    + " reason). The same word again changes nothing; a paid refund stays paid; a failed one may"
                    + " be reported paid later. The same Idempotency-Key with the same body within 24 hours gets the"
                    + " first answer again.")
    @APIResponse(responseCode = "200", description = "Recorded; the refund as it stands now")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or bad fields; nothing changed")
    @APIResponse(responseCode = "404", description = "No such cancellation of yours, or it promised no refund")
    @APIResponse(responseCode = "409", description = "It was reported paid already, differently")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response confirm(@PathParam("reference") String reference,
                            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                    description = "A key of yours for this request, up to 255 characters")
                            @HeaderParam(KeyReusedMapper.HEADER) String key,
                            String body) {
        OperatorAccount operator = caller.account();
        return requests.answer(operator.id(), key, "POST", "cancellations/" + reference + "/refund", body,
                () -> confirm(operator, reference, confirmation(body)));
    }

    private StoredResponse confirm(OperatorAccount operator, String reference, Refunds.Confirmation confirmation) {
        Optional<Cancellation> cancellation = cancellation(operator, reference);
        if (cancellation.isEmpty() || refunds.of(cancellation.get()).isEmpty()) {
            return IdempotentRequests.notFound(NO_REFUND + " Nothing was changed.");
        }
        Refund refund = refunds.confirm(cancellation.get(), confirmation, operator.actor());
        return new StoredResponse(200, Representations.refund(refund).toString());
    }

    private Refunds.Confirmation confirmation(String body) {
        return confirmation(bodies, body);
    }

    /** The operator's word from a request body, the same for a cancellation's refund and a withdrawal's. */
    static Refunds.Confirmation confirmation(Bodies bodies, String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        Refunds.Confirmation confirmation = new Refunds.Confirmation(fields.string("status"), fields.date("paid_on"),
                fields.string("payment_reference"), fields.string("reason"));
        if (!fields.problems().isEmpty()) {
            throw new InvalidFieldsException(fields.problems());
        }
        return confirmation;
    }

    private Optional<Cancellation> cancellation(OperatorAccount operator, String reference) {
        return records.cancellation(operator, ReferenceGenerator.normalise(reference));
    }
}
