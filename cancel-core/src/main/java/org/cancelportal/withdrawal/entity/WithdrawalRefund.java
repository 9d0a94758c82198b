package org.cancelportal.withdrawal.entity;

import java.io.Serializable;
import org.cancelportal.subscription.entity.Money;

/** What comes back after a withdrawal, and why: the amount paid, the refund, and the days it was worked out from. */
public record WithdrawalRefund(Money paid, Money refund, RefundBasis basis, int daysUsed, int periodDays)
        implements Serializable {

    public Money keptBack() {
        return new Money(paid.amount().subtract(refund.amount()), paid.currency());
    }
}
