package org.cancelportal.withdrawal.boundary;

import java.io.Serializable;

/** The withdrawal function of one subscription on the account page: until when, and where it leads. */
public record WithdrawalOffer(long subscriptionId, String concludedOn, String until, int days)
        implements Serializable {
}
