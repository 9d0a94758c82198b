package org.cancelportal.withdrawal.control;

/** The subscription cannot be withdrawn from; the reason says why, for a page or a problem body. */
public class WithdrawalNotPossibleException extends RuntimeException {

    public enum Reason {
        /** The plan carries no right of withdrawal. */
        RIGHT_DOES_NOT_APPLY,
        /** The withdrawal period is over. */
        OUTSIDE_PERIOD,
        /** The contract has ended already (cancelled and over, or withdrawn from). */
        ALREADY_ENDED
    }

    private final Reason reason;

    public WithdrawalNotPossibleException(long subscriptionId, Reason reason) {
        super("Subscription " + subscriptionId + ": " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
