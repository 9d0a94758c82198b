package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
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
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The refund a withdrawal owes, and the operator's word on it, exactly as for a cancellation's refund
 * (RefundResource): the same body, the same answers. The confirmation page and an email tell the subscriber what the
 * operator says, and nothing before it says so.
 */
@Path("withdrawals/{reference}/refund")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawals")
public class WithdrawalRefundResource {

    private static final String NO_REFUND = "You have no withdrawal with this reference that owes a refund.";

    @Inject
    CallingOperator caller;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Refunds refunds;

    @Inject
    IdempotentRequests requests;

    @Inject
    Bodies bodies;

    @GET
    @Operation(summary = "Where the refund of a withdrawal stands",
            description = "status: due (you still have time to confirm it), overdue (the days to confirm it have"
                    + " passed), paid or failed (as you reported).")
    @APIResponse(responseCode = "200", description = "The refund")
    @APIResponse(responseCode = "404", description = "No such withdrawal of yours, or it owes no refund")
    public Response get(@PathParam("reference") String reference) {
        return withdrawal(caller.account(), reference).flatMap(refunds::of)
                .map(refund -> Response.ok(Representations.refund(refund)).build())
                .orElseGet(() -> ProblemDetails.of(Response.Status.NOT_FOUND, NO_REFUND));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Say that the refund of a withdrawal was paid, or that paying it failed",
            description = "The same body and rules as a cancellation's refund: {\"status\": \"paid\", \"paid_on\":"
                    + " \"2026-12-03\", \"payment_reference\": \"re_123\"} or {\"status\": \"failed\", \"reason\":"
                    + " \"The card has expired.\"} (the subscriber reads the reason).")
    @APIResponse(responseCode = "200", description = "Recorded; the refund as it stands now")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or bad fields; nothing changed")
    @APIResponse(responseCode = "404", description = "No such withdrawal of yours, or it owes no refund")
    @APIResponse(responseCode = "409", description = "It was reported paid already, differently")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response confirm(@PathParam("reference") String reference,
                            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                    description = "A key of yours for this request, up to 255 characters")
                            @HeaderParam(KeyReusedMapper.HEADER) String key,
                            String body) {
        OperatorAccount operator = caller.account();
        return requests.answer(operator.id(), key, "POST", "withdrawals/" + reference + "/refund", body,
                () -> confirm(operator, reference, RefundResource.confirmation(bodies, body)));
    }

    private StoredResponse confirm(OperatorAccount operator, String reference, Refunds.Confirmation confirmation) {
        Optional<Withdrawal> withdrawal = withdrawal(operator, reference);
        if (withdrawal.isEmpty() || refunds.of(withdrawal.get()).isEmpty()) {
            return IdempotentRequests.notFound(NO_REFUND + " Nothing was changed.");
        }
        Refund refund = refunds.confirm(withdrawal.get(), confirmation, operator.actor());
        return new StoredResponse(200, Representations.refund(refund).toString());
    }

    private Optional<Withdrawal> withdrawal(OperatorAccount operator, String reference) {
        Requester requester = Requester.operator(operator.actor(), operator.id());
        return withdrawals.byReference(WithdrawalService.normalise(reference))
                .filter(withdrawal -> requester.mayActOn(withdrawal.getSubscription()));
    }
}
