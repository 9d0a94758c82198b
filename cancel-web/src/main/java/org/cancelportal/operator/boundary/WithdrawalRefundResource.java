package org.cancelportal.operator.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.withdrawal.control.WithdrawalService;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The refund a withdrawal owes, and the operator's word on it, exactly as for a cancellation's refund (see
 * RefundEndpoint); each operator reaches only the withdrawals of its own subscriptions.
 */
@Path("withdrawals/{reference}/refund")
@Tag(name = "Withdrawals")
public class WithdrawalRefundResource extends RefundEndpoint {

    @Inject
    Withdrawals withdrawals;

    @Override
    Optional<Refund> refundOf(OperatorAccount operator, String reference) {
        Requester requester = Requester.operator(operator.actor(), operator.id());
        return withdrawals.byReference(WithdrawalService.normalise(reference))
                .filter(withdrawal -> requester.mayActOn(withdrawal.getSubscription()))
                .flatMap(refunds::of);
    }

    @Override
    String records() {
        return "withdrawals";
    }

    @Override
    String noRefund() {
        return "You have no withdrawal with this reference that owes a refund.";
    }
}
