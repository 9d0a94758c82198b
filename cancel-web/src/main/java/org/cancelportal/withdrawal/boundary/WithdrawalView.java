package org.cancelportal.withdrawal.boundary;

import java.io.Serializable;

/** A withdrawal as its confirmation page states it, every fact in the reader's language and time zone. */
public record WithdrawalView(String reference, String planName, String concludedOn, String receivedAt,
                             String endedAt, WithdrawalWording refund, String supersededCancellation,
                             boolean signedIn) implements Serializable {
}
