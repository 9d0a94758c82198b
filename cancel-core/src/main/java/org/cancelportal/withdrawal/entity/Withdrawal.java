package org.cancelportal.withdrawal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;

/**
 * A withdrawal from a contract within its withdrawal period: the contract ends from its start, and what was paid comes
 * back (less the service used, where the consumer asked for it to start early). Final: there is no undo.
 */
@Entity
public class Withdrawal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "carried_out_at")
    private Instant carriedOutAt;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String actor;

    @Column(name = "paid_amount")
    private BigDecimal paidAmount;

    @Column(name = "refund_amount")
    private BigDecimal refundAmount;

    @Column(name = "refund_currency")
    private String refundCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_basis")
    private RefundBasis refundBasis;

    @Column(name = "days_used")
    private int daysUsed;

    @Column(name = "period_days")
    private int periodDays;

    @Column(name = "superseded_cancellation")
    private String supersededCancellation;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    protected Withdrawal() {
    }

    public Withdrawal(String reference, Subscription subscription, Instant receivedAt, Instant carriedOutAt,
                      Channel channel, String actor, WithdrawalRefund refund, String idempotencyKey) {
        this.reference = reference;
        this.subscription = subscription;
        this.receivedAt = receivedAt;
        this.carriedOutAt = carriedOutAt;
        this.channel = channel;
        this.actor = actor;
        this.paidAmount = refund.paid().amount();
        this.refundAmount = refund.refund().amount();
        this.refundCurrency = refund.refund().currency().getCurrencyCode();
        this.refundBasis = refund.basis();
        this.daysUsed = refund.daysUsed();
        this.periodDays = refund.periodDays();
        this.idempotencyKey = idempotencyKey;
    }

    /** The cancellation that was scheduled when the consumer withdrew; the withdrawal takes its place. */
    public void supersedes(String cancellationReference) {
        this.supersededCancellation = cancellationReference;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Subscription getSubscription() {
        return subscription;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getCarriedOutAt() {
        return carriedOutAt;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getActor() {
        return actor;
    }

    public WithdrawalRefund getRefund() {
        Currency currency = Currency.getInstance(refundCurrency);
        return new WithdrawalRefund(new Money(paidAmount, currency), new Money(refundAmount, currency), refundBasis,
                daysUsed, periodDays);
    }

    public String getSupersededCancellation() {
        return supersededCancellation;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }
}
