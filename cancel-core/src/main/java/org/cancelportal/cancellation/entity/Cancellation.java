package org.cancelportal.cancellation.entity;

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
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;

@Entity
public class Cancellation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "effective_at")
    private Instant effectiveAt;

    @Enumerated(EnumType.STRING)
    private CancellationMode mode;

    @Column(name = "refund_amount")
    private BigDecimal refundAmount;

    @Column(name = "refund_currency")
    private String refundCurrency;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String actor;

    /** The subscription's operator, kept here so an operator's cancellations are one index range. */
    @Column(name = "operator_id", updatable = false)
    private Long operatorId;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "undone_at")
    private Instant undoneAt;

    @Column(name = "journey_started_at")
    private Instant journeyStartedAt;

    @Column(name = "undone_by")
    private String undoneBy;

    @Column(name = "superseded_by")
    private String supersededBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected Cancellation() {
    }

    public Cancellation(String reference, Subscription subscription, Instant requestedAt, Instant effectiveAt,
                        CancellationMode mode, Money refund, Channel channel, String actor, String idempotencyKey) {
        this.reference = reference;
        this.subscription = subscription;
        this.operatorId = subscription.getOperatorId();
        this.requestedAt = requestedAt;
        this.effectiveAt = effectiveAt;
        this.mode = mode;
        this.refundAmount = refund.amount();
        this.refundCurrency = refund.currency().getCurrencyCode();
        this.channel = channel;
        this.actor = actor;
        this.idempotencyKey = idempotencyKey;
    }

    /** When the person opened the page they cancelled from; ignored unless it came before the cancellation. */
    public void journeyStarted(Instant at) {
        this.journeyStartedAt = at != null && !at.isAfter(requestedAt) ? at : null;
    }

    public void undo(Instant at, String by) {
        this.undoneAt = at;
        this.undoneBy = by;
    }

    /**
     * A withdrawal took this scheduled cancellation's place: it is kept as it was, but it is no longer the
     * subscription's cancellation, has nothing to undo and asks no survey.
     */
    public void supersededBy(String withdrawalReference, Instant at) {
        if (undoneAt != null || supersededBy != null) {
            throw new IllegalStateException("Cancellation " + reference + " is not in force");
        }
        this.supersededBy = withdrawalReference;
        this.supersededAt = at;
    }

    public boolean isSuperseded() {
        return supersededBy != null;
    }

    /** The reference of the withdrawal that took its place, or null. */
    public String getSupersededBy() {
        return supersededBy;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public boolean isUndone() {
        return undoneAt != null;
    }

    public boolean hasTakenEffect(Instant now) {
        return !now.isBefore(effectiveAt);
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

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getEffectiveAt() {
        return effectiveAt;
    }

    public CancellationMode getMode() {
        return mode;
    }

    public Money getRefund() {
        return new Money(refundAmount, Currency.getInstance(refundCurrency));
    }

    public Channel getChannel() {
        return channel;
    }

    public String getActor() {
        return actor;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getUndoneAt() {
        return undoneAt;
    }

    public String getUndoneBy() {
        return undoneBy;
    }
}
