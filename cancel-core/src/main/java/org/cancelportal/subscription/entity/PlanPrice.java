package org.cancelportal.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** One price of a plan, from the time it applies: a charge at or after that time is at this price. */
@Embeddable
public class PlanPrice {

    private BigDecimal amount;

    @Column(name = "applies_from")
    private Instant appliesFrom;

    protected PlanPrice() {
    }

    public PlanPrice(BigDecimal amount, Instant appliesFrom) {
        this.amount = amount;
        this.appliesFrom = appliesFrom;
    }

    /**
     * The price of a charge at this time: the newest of these prices that applies then or earlier; the plan's only
     * price ({@code unchanged}) when it never changed.
     */
    public static Money at(List<PlanPrice> prices, Instant charge, Money unchanged) {
        return prices.stream().filter(price -> !price.appliesFrom.isAfter(charge))
                .max(Comparator.comparing(PlanPrice::getAppliesFrom))
                .map(price -> new Money(price.amount, unchanged.currency()))
                .orElse(unchanged);
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getAppliesFrom() {
        return appliesFrom;
    }
}
