package org.cancelportal.subscription.entity;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

@Entity
public class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "subscriber_id")
    private Subscriber subscriber;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "plan_id")
    private Plan plan;

    @Column(name = "external_reference")
    private String externalReference;

    /** The operator whose billing system this subscription comes from; empty for one made in the portal itself. */
    @Column(name = "operator_id")
    private Long operatorId;

    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "trial_ends_at")
    private Instant trialEndsAt;

    @Column(name = "current_period_start")
    private Instant currentPeriodStart;

    @Column(name = "current_period_end")
    private Instant currentPeriodEnd;

    @Column(name = "service_start_requested")
    private boolean serviceStartRequested;

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(Subscriber subscriber, Plan plan, Instant startedAt,
                        Instant currentPeriodStart, Instant currentPeriodEnd) {
        this.subscriber = subscriber;
        this.plan = plan;
        this.startedAt = startedAt;
        this.currentPeriodStart = currentPeriodStart;
        this.currentPeriodEnd = currentPeriodEnd;
        this.status = SubscriptionStatus.ACTIVE;
    }

    /** Starts a free trial: the first charge falls on the trial's end, which is also the period's end. */
    public static Subscription trial(Subscriber subscriber, Plan plan, Instant startedAt, Instant trialEndsAt) {
        Subscription subscription = new Subscription(subscriber, plan, startedAt, startedAt, trialEndsAt);
        subscription.trialEndsAt = trialEndsAt;
        return subscription;
    }

    public boolean isInTrial(Instant now) {
        return trialEndsAt != null && now.isBefore(trialEndsAt);
    }

    /** The stored period is the free trial (even when billing has not yet reported what came after it). */
    public boolean isTrialPeriod() {
        return trialEndsAt != null && !currentPeriodEnd.isAfter(trialEndsAt);
    }

    /**
     * What the subscriber paid for the stored period: nothing for a trial, else the plan's price at the period's
     * start (a price change made since applies from a later charge).
     */
    public Money amountChargedForCurrentPeriod() {
        Money price = currentPrice();
        return isTrialPeriod() ? Money.zero(price.currency()) : price;
    }

    /** The plan's price for the stored period, as its charge was (or, for a trial, would have been). */
    public Money currentPrice() {
        return plan.priceAt(currentPeriodStart);
    }

    /** The price of the next charge, at the end of the stored period. */
    public Money nextChargePrice() {
        return plan.priceAt(currentPeriodEnd);
    }

    public boolean belongsTo(long subscriberId) {
        return subscriber.getId() == subscriberId;
    }

    public Long getId() {
        return id;
    }

    public Subscriber getSubscriber() {
        return subscriber;
    }

    public Plan getPlan() {
        return plan;
    }

    public String getExternalReference() {
        return externalReference;
    }

    public void setExternalReference(String externalReference) {
        this.externalReference = externalReference;
    }

    public Long getOperatorId() {
        return operatorId;
    }

    /** Takes the subscription into an operator's namespace of external ids. */
    public void belongToOperator(long operatorId, String externalReference) {
        this.operatorId = operatorId;
        this.externalReference = externalReference;
    }

    /**
     * Plan and period as the operator's billing system now has them (a renewal, a plan change); true if anything
     * changed. A cancellation already in force keeps its effective date: what we promised stays promised.
     */
    public boolean applyBilling(Plan plan, Instant periodStart, Instant periodEnd, Instant trialEnd) {
        boolean changed = !plan.getId().equals(this.plan.getId()) || !periodStart.equals(currentPeriodStart)
                || !periodEnd.equals(currentPeriodEnd) || !Objects.equals(trialEnd, trialEndsAt);
        this.plan = plan;
        this.currentPeriodStart = periodStart;
        this.currentPeriodEnd = periodEnd;
        this.trialEndsAt = trialEnd;
        return changed;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public void scheduleEnd() {
        requireStatus(SubscriptionStatus.ACTIVE);
        status = SubscriptionStatus.CANCELLATION_SCHEDULED;
    }

    public void end() {
        if (status == SubscriptionStatus.CANCELLED || status == SubscriptionStatus.WITHDRAWN) {
            throw new IllegalStateException("Subscription " + id + " has ended already");
        }
        status = SubscriptionStatus.CANCELLED;
    }

    /**
     * Withdrawal ends the contract from its start. A scheduled cancellation is superseded by it; an ended contract
     * cannot be withdrawn from.
     */
    public void withdraw() {
        if (status != SubscriptionStatus.ACTIVE && status != SubscriptionStatus.CANCELLATION_SCHEDULED) {
            throw new IllegalStateException("Subscription " + id + " is " + status + ", it cannot be withdrawn from");
        }
        status = SubscriptionStatus.WITHDRAWN;
    }

    public boolean isWithdrawable() {
        return status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.CANCELLATION_SCHEDULED;
    }

    /** Whether the consumer asked for the service to start within the withdrawal period (the operator says). */
    public boolean isServiceStartRequested() {
        return serviceStartRequested;
    }

    public void setServiceStartRequested(boolean serviceStartRequested) {
        this.serviceStartRequested = serviceStartRequested;
    }

    /** Undo: only a cancellation that has not yet ended the subscription can be taken back. */
    public void resume() {
        requireStatus(SubscriptionStatus.CANCELLATION_SCHEDULED);
        status = SubscriptionStatus.ACTIVE;
    }

    private void requireStatus(SubscriptionStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Subscription " + id + " is " + status + ", not " + expected);
        }
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getTrialEndsAt() {
        return trialEndsAt;
    }

    public Instant getCurrentPeriodStart() {
        return currentPeriodStart;
    }

    public Instant getCurrentPeriodEnd() {
        return currentPeriodEnd;
    }
}
