package org.cancelportal.withdrawal.boundary;

import java.io.Serializable;

/** The one confirming step, in the reader's words: what is withdrawn from, what that means, and what comes back. */
public record WithdrawStep(long subscriptionId, String planName, String concludedOn, String until,
                           WithdrawalWording refund, boolean scheduledCancellation) implements Serializable {
}
