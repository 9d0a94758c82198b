package org.cancelportal.withdrawal.boundary;

import java.io.Serializable;
import org.cancelportal.cancellation.boundary.RefundWording;

/**
 * A withdrawal as its confirmation page states it, every fact in the reader's language and time zone. refundState is
 * where the refund stands as the operator has confirmed it (due by a date, paid, failed, overdue), or null for a
 * withdrawal that owes nothing or was made before refunds were followed through.
 */
public record WithdrawalView(String reference, String planName, String concludedOn, String receivedAt,
                             String endedAt, WithdrawalWording refund, String supersededCancellation,
                             boolean signedIn, RefundWording refundState) implements Serializable {

    /** The line beside "Refund": its state when it is followed through, else the amount owed. */
    public String getRefundSummary() {
        return refundState == null ? refund.summary() : refundState.summary();
    }

    /** What happens next with the money: by when, or that it was paid, or whom to contact. */
    public String getRefundNextStep() {
        return refundState == null ? null : refundState.nextStep();
    }
}
