package org.cancelportal.subscription.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A plan subscriptions are on: shared by every operator (no operator), or an operator's own. Its price may change:
 * {@link #getPrice()} is the price set last, {@link #priceAt(Instant)} the price a charge at that time is at.
 */
@Entity
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "price_amount")
    private BigDecimal priceAmount;

    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period")
    private BillingPeriod billingPeriod;

    /** Null: the portal's default period applies; 0: the right of withdrawal does not apply to this plan. */
    @Column(name = "withdrawal_days")
    private Integer withdrawalDays;

    /** The operator whose own plan this is; empty for a plan every operator may use and none may change. */
    @Column(name = "operator_id")
    private Long operatorId;

    /** Written by the price change in SQL (see PlanPrices), read here; empty while the price never changed. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_price", joinColumns = @JoinColumn(name = "plan_id"))
    private List<PlanPrice> prices = new ArrayList<>();

    protected Plan() {
    }

    public Plan(String code, String name, Money price, BillingPeriod billingPeriod) {
        this.code = code;
        this.name = name;
        this.priceAmount = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.billingPeriod = billingPeriod;
    }

    /** An operator's own plan, with the withdrawal period it grants (null: the portal's default; 0: none). */
    public static Plan ofOperator(long operatorId, String code, String name, Money price, BillingPeriod period,
                                  Integer withdrawalDays) {
        Plan plan = new Plan(code, name, price, period);
        plan.operatorId = operatorId;
        plan.withdrawalDays = withdrawalDays;
        return plan;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Money getPrice() {
        return new Money(priceAmount, Currency.getInstance(currency));
    }

    /**
     * The price of a charge at this time: the newest price that applies from then or earlier. So the period a
     * subscriber is in was paid at the price in force when it began, and the next one will be at the price in force
     * on its first day.
     */
    public Money priceAt(Instant charge) {
        return PlanPrice.at(prices, charge, getPrice());
    }

    /** The prices set so far, each from when it applies; empty while the price never changed. */
    public List<PlanPrice> getPrices() {
        return List.copyOf(prices);
    }

    public Long getOperatorId() {
        return operatorId;
    }

    public boolean isShared() {
        return operatorId == null;
    }

    /** Name and withdrawal period as the operator now has them; true if either changed. */
    public boolean describe(String name, Integer withdrawalDays) {
        boolean changed = !name.equals(this.name) || !java.util.Objects.equals(withdrawalDays, this.withdrawalDays);
        this.name = name;
        this.withdrawalDays = withdrawalDays;
        return changed;
    }

    public BillingPeriod getBillingPeriod() {
        return billingPeriod;
    }

    public Integer getWithdrawalDays() {
        return withdrawalDays;
    }

    public void setWithdrawalDays(Integer withdrawalDays) {
        this.withdrawalDays = withdrawalDays;
    }
}
