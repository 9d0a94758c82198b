package org.cancelportal.subscription.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.Currency;

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

    protected Plan() {
    }

    public Plan(String code, String name, Money price, BillingPeriod billingPeriod) {
        this.code = code;
        this.name = name;
        this.priceAmount = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.billingPeriod = billingPeriod;
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
