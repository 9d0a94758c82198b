package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.idempotency.control.StoredResponse;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;
import org.cancelportal.web.http.ProblemDetails;
import org.cancelportal.withdrawal.control.WithdrawCommand;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException.Reason;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Withdraws from a contract on the consumer's behalf (they told the operator, say), under the same rules as the
 * account page: channel API, the operator recorded, the acknowledgement emailed to the subscriber. A withdrawal is not a
 * cancellation, and is read at its own address (WithdrawalsResource). Exactly once: per Idempotency-Key, and per subscription.
 */
@Path("subscriptions/{externalId}/withdraw")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Withdrawals")
public class WithdrawResource {

    private static final Map<Reason, String> WHY = Map.of(
            Reason.RIGHT_DOES_NOT_APPLY, "The right of withdrawal does not apply to this subscription's plan.",
            Reason.OUTSIDE_PERIOD, "The withdrawal period of this subscription is over.",
            Reason.ALREADY_ENDED, "This subscription has ended already.");

    @Inject
    CallingOperator caller;

    @Inject
    WithdrawalService withdrawals;

    @Inject
    IdempotentRequests requests;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Withdraw from a subscription within its withdrawal period",
            description = "No body needed. The contract ends from its start, now; the answer carries the refund owed"
                    + " (full, or less the days used where the consumer asked for an early start) and the event"
                    + " subscription.withdrawn goes to your webhook endpoints. A cancellation scheduled for it is"
                    + " superseded. The same Idempotency-Key within 24 hours gets the first answer again.")
    @APIResponse(responseCode = "201", description = "Withdrawn by this request")
    @APIResponse(responseCode = "200", description = "It was withdrawn from already; here is that withdrawal")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key")
    @APIResponse(responseCode = "404", description = "You have no subscription with this id")
    @APIResponse(responseCode = "409", description = "Not possible (application/problem+json, errors[0].reason):"
            + " right_does_not_apply, outside_withdrawal_period or already_ended")
    public Response withdraw(@PathParam("externalId") String externalId,
                             @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
                                     description = "A key of yours for this request, up to 255 characters")
                             @HeaderParam(KeyReusedMapper.HEADER) String key,
                             String body) {
        OperatorAccount operator = caller.account();
        return requests.onSubscription(operator, key, externalId, "withdraw", body,
                subscription -> withdraw(operator, subscription));
    }

    private StoredResponse withdraw(OperatorAccount operator, Subscription subscription) {
        boolean withdrawsNow = subscription.getStatus() != SubscriptionStatus.WITHDRAWN;
        try {
            // no key of its own: the retry of a call is answered from the stored answer, and the lock above orders
            // two calls for one subscription, so the second finds the first one's withdrawal
            Withdrawal withdrawal = withdrawals.withdraw(new WithdrawCommand(subscription.getId(),
                    Requester.operator(operator.actor(), operator.id()), null, null));
            return new StoredResponse(withdrawsNow ? 201 : 200, Representations.withdrawal(withdrawal).toString());
        } catch (WithdrawalNotPossibleException e) {
            String reason = e.reason() == Reason.OUTSIDE_PERIOD ? "outside_withdrawal_period"
                    : e.reason().name().toLowerCase(java.util.Locale.ROOT);
            Response conflict = ProblemDetails.of(Response.Status.CONFLICT, WHY.get(e.reason()) + " Nothing was done.",
                    List.of(new ProblemDetails.Part("reason", reason, WHY.get(e.reason()))));
            return new StoredResponse(conflict.getStatus(), (String) conflict.getEntity());
        }
    }
}
