package org.cancelportal.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;

/** One price of a plan, from the time it applies: a charge at or after that time is at this price. */
@Embeddable
public class PlanPrice {

    private BigDecimal amount;

    @Column(name = "applies_from")
    private Instant appliesFrom;

    protected PlanPrice() {
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getAppliesFrom() {
        return appliesFrom;
    }
}
