package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.InvalidFieldsException;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.web.http.ProblemDetails;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A promised refund and the operator's word on it, paid or failed: the same calls, body and answers for a
 * cancellation's refund (RefundResource) and a withdrawal's (WithdrawalRefundResource), each reached by the reference
 * of the record that owes it. The subscriber's page and an email tell what the operator says, and nothing before it
 * says so. Public, so that its resource methods are inherited as they are (a package-private base would hide them
 * behind the compiler's bridge methods, which carry no annotations).
 */
public abstract class RefundEndpoint {

    private static final Set<String> FIELDS = Set.of("status", "paid_on", "payment_reference", "reason");

    @Inject
    CallingOperator caller;

    @Inject
    Refunds refunds;

    @Inject
    IdempotentRequests requests;

    @Inject
    Bodies bodies;

    /** The refund owed by the operator's own record with this reference (as typed), if it owes one. */
    abstract Optional<Refund> refundOf(OperatorAccount operator, String reference);

    /** "cancellations" or "withdrawals": where the record lives, for the idempotency key's scope. */
    abstract String records();

    /** The 404's words: no such record of this operator's, or it owes no refund. */
    abstract String noRefund();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where the refund stands",
            description = "status: due (you still have time to confirm it), overdue (the days to confirm it have"
                    + " passed), paid or failed (as you reported); belongs_to: cancellation or withdrawal.")
    @APIResponse(responseCode = "200", description = "The refund")
    @APIResponse(responseCode = "404", description = "No such record of yours, or it owes no refund")
    public Response get(@PathParam("reference") String reference) {
        return refundOf(caller.account(), reference)
                .map(refund -> Response.ok(Representations.refund(refund)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, noRefund()));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Say that the refund was paid, or that paying it failed",
            description = "Body: {\"status\": \"paid\", \"paid_on\": \"2026-12-03\", \"payment_reference\": \"re_123\"}"
                    + " or {\"status\": \"failed\", \"reason\": \"The card has expired.\"} (the subscriber reads the"
                    + " reason). The same word again changes nothing; a paid refund stays paid; a failed one may"
                    + " be reported paid later. The same Idempotency-Key with the same body within 24 hours gets the"
                    + " first answer again.")
    @APIResponse(responseCode = "200", description = "Recorded; the refund as it stands now")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or bad fields; nothing changed")
    @APIResponse(responseCode = "404", description = "No such record of yours, or it owes no refund")
    @APIResponse(responseCode = "409", description = "It was reported paid already, differently")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response confirm(@PathParam("reference") String reference,
                            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                    description = "A key of yours for this request, up to 255 characters")
                            @HeaderParam(KeyReusedMapper.HEADER) String key,
                            String body) {
        OperatorAccount operator = caller.account();
        return requests.answer(operator.id(), key, "POST", records() + "/" + reference + "/refund", body,
                () -> confirm(operator, reference, confirmation(body)));
    }

    private StoredResponse confirm(OperatorAccount operator, String reference, Refunds.Confirmation confirmation) {
        Optional<Refund> refund = refundOf(operator, reference);
        if (refund.isEmpty()) {
            return IdempotentRequests.notFound(noRefund() + " Nothing was changed.");
        }
        Refund confirmed = refunds.confirm(refund.get(), confirmation, operator.actor());
        return new StoredResponse(200, Representations.refund(confirmed).toString());
    }

    private Refunds.Confirmation confirmation(String body) {
        JsonObject json = bodies.object(body);
        JsonFields fields = new JsonFields(json, FIELDS);
        Refunds.Confirmation confirmation = new Refunds.Confirmation(fields.string("status"), fields.date("paid_on"),
                fields.string("payment_reference"), fields.string("reason"));
        if (!fields.problems().isEmpty()) {
            throw new InvalidFieldsException(fields.problems());
        }
        return confirmation;
    }
}
