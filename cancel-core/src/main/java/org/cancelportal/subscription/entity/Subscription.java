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

    /** What the subscriber paid for the running period: nothing during a trial, else the plan's price. */
    public Money amountChargedForCurrentPeriod(Instant now) {
        Money price = plan.getPrice();
        return isInTrial(now) ? Money.zero(price.currency()) : price;
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

    public SubscriptionStatus getStatus() {
        return status;
    }

    public void setStatus(SubscriptionStatus status) {
        this.status = status;
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
