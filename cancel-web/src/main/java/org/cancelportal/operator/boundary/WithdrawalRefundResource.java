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
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The refund a withdrawal owes, and the operator's word on it, exactly as for a cancellation's refund (see
 * RefundCalls); each operator reaches only the withdrawals of its own subscriptions.
 */
@Path("withdrawals/{reference}/refund")
@Tag(name = "Withdrawals")
public class WithdrawalRefundResource implements RefundCalls.Owner {

    @Inject
    RefundCalls calls;

    @Inject
    Refunds refunds;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = RefundCalls.GET_SUMMARY, description = RefundCalls.GET_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The refund")
    @APIResponse(responseCode = "404", description = RefundCalls.NOT_FOUND)
    public Response get(@PathParam("reference") String reference) {
        return calls.get(this, reference);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = RefundCalls.CONFIRM_SUMMARY, description = RefundCalls.CONFIRM_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Recorded; the refund as it stands now")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, or bad fields; nothing changed")
    @APIResponse(responseCode = "404", description = RefundCalls.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "It was reported paid already, differently")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response confirm(@PathParam("reference") String reference,
                            @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                    description = RefundCalls.KEY) @HeaderParam(KeyReusedMapper.HEADER) String key,
                            String body) {
        return calls.confirm(this, reference, key, body);
    }

    @Inject
    Withdrawals withdrawals;

    @Override
    public Optional<Refund> refundOf(OperatorAccount operator, String reference) {
        Requester requester = Requester.operator(operator.actor(), operator.id());
        return withdrawals.byReference(WithdrawalService.normalise(reference))
                .filter(withdrawal -> requester.mayActOn(withdrawal.getSubscription()))
                .flatMap(refunds::of);
    }

    @Override
    public String records() {
        return "withdrawals";
    }

    @Override
    public String noRefund() {
        return "You have no withdrawal with this reference that owes a refund.";
    }
}
