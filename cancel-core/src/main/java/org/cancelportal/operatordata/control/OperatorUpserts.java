package org.cancelportal.operatordata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.brokenpromise.control.RenewalsAfterCancellation;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.reminder.control.PriceChanges;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;

/**
 * Subscribers and subscriptions as the operator's billing system reports them, keyed by the operator's own ids.
 * Sending the same thing twice changes nothing the second time. Fields have been checked for form by the caller
 * (Bean Validation); the rules that need the database are checked here, before anything is written.
 */
@ApplicationScoped
@Transactional
public class OperatorUpserts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    OperatorRecords records;

    @Inject
    RenewalsAfterCancellation renewals;

    @Inject
    PriceChanges priceChanges;

    public Upserted<Subscriber> subscriber(ChangeSource source, String externalId, SubscriberDetails details) {
        OperatorAccount operator = source.operator();
        ExternalIds.check("externalId", externalId);
        Optional<Subscriber> existing = records.subscriber(operator, externalId, LockModeType.PESSIMISTIC_WRITE);
        Long ownId = existing.map(Subscriber::getId).orElse(null);
        if (records.emailTakenByAnother(operator, details.email(), ownId)) {
            throw new ConflictException("email", "Another of your subscribers has this email address.");
        }
        Locale locale = Locale.forLanguageTag(details.locale() == null ? "en" : details.locale());
        ZoneId zone = zone(details.timeZone());
        Countries.problem("country", details.country()).ifPresent(problem -> {
            throw new InvalidFieldsException(List.of(problem));
        });
        if (existing.isPresent()) {
            Subscriber subscriber = existing.get();
            boolean moved = subscriber.placeIn(details.country());
            if (subscriber.updateContact(details.email().strip(), details.name().strip(), locale, zone) | moved) {
                audit.record(source.actor(), source.channel(), "SUBSCRIBER_UPDATED", "Subscriber", subscriber.getId(),
                        null, null, "external id " + externalId);
            }
            return new Upserted<>(subscriber, false);
        }
        Subscriber subscriber = new Subscriber(details.email().strip(), details.name().strip(), locale, zone);
        subscriber.belongToOperator(operator.id(), externalId);
        subscriber.placeIn(details.country());
        em.persist(subscriber);
        em.flush();
        audit.record(source.actor(), source.channel(), "SUBSCRIBER_CREATED", "Subscriber", subscriber.getId(), null, null,
                "external id " + externalId);
        return new Upserted<>(subscriber, true);
    }

    private static ZoneId zone(String id) {
        TimeZones.problem("time_zone", id).ifPresent(problem -> {
            throw new InvalidFieldsException(List.of(problem));
        });
        return ZoneId.of(id.strip());
    }

    public Upserted<Subscription> subscription(ChangeSource source, String externalId,
                                               SubscriptionDetails details) {
        OperatorAccount operator = source.operator();
        ExternalIds.check("externalId", externalId);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Subscriber> subscriber = records.subscriber(operator, details.subscriber(), LockModeType.NONE);
        if (subscriber.isEmpty()) {
            problems.add(new FieldProblem("subscriber", "You have no subscriber with this id. Send the subscriber"
                    + " first (PUT /api/v1/subscribers/{id})."));
        }
        Optional<Plan> plan = records.plan(operator, details.plan());
        if (plan.isEmpty()) {
            problems.add(new FieldProblem("plan", "There is no plan with this code."));
        }
        if (!details.currentPeriodEnd().isAfter(details.currentPeriodStart())) {
            problems.add(new FieldProblem("current_period_end", "The period must end after it starts."));
        }
        if (details.currentPeriodStart().isBefore(details.startedAt())) {
            problems.add(new FieldProblem("current_period_start", "The period cannot start before the subscription."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Optional<Subscription> existing = records.subscription(operator, externalId, LockModeType.PESSIMISTIC_WRITE);
        if (existing.isPresent()) {
            return update(source, existing.get(), subscriber.get(), plan.get(), details);
        }
        Subscription subscription = details.trialEndsAt() == null
                ? new Subscription(subscriber.get(), plan.get(), details.startedAt(), details.currentPeriodStart(),
                        details.currentPeriodEnd())
                : Subscription.trial(subscriber.get(), plan.get(), details.startedAt(), details.trialEndsAt());
        subscription.applyBilling(plan.get(), details.currentPeriodStart(), details.currentPeriodEnd(),
                details.trialEndsAt());
        subscription.belongToOperator(operator.id(), externalId);
        em.persist(subscription);
        em.flush();
        audit.record(source.actor(), source.channel(), "SUBSCRIPTION_CREATED", "Subscription", subscription.getId(), null,
                subscription.getStatus(), "external id " + externalId + ", plan " + plan.get().getCode());
        return new Upserted<>(subscription, true);
    }

    private Upserted<Subscription> update(ChangeSource source, Subscription subscription, Subscriber subscriber, Plan plan,
                                SubscriptionDetails details) {
        if (!subscription.getSubscriber().getId().equals(subscriber.getId())) {
            throw new ConflictException("subscriber", "This subscription belongs to another of your subscribers; a"
                    + " subscription cannot move between subscribers.");
        }
        Instant periodEnd = details.currentPeriodEnd();
        boolean unchanged = subscription.getPlan().getId().equals(plan.getId())
                && subscription.getCurrentPeriodStart().equals(details.currentPeriodStart())
                && subscription.getCurrentPeriodEnd().equals(periodEnd)
                && Objects.equals(subscription.getTrialEndsAt(), details.trialEndsAt());
        if (unchanged) {
            return new Upserted<>(subscription, false);
        }
        Cancellation inForce = records.inForce(List.of(subscription)).get(subscription.getId());
        if (inForce != null && RenewalsAfterCancellation.wouldRenew(inForce, periodEnd)) {
            renewals.record(subscription, inForce, details.currentPeriodStart(), periodEnd, source.actor(),
                    source.channel());
            return new Upserted<>(subscription, false, true);
        }
        if (subscription.getStatus() == SubscriptionStatus.CANCELLED
                || subscription.getStatus() == SubscriptionStatus.WITHDRAWN) {
            throw new ConflictException("externalId", "This subscription has ended; it cannot be changed.");
        }
        Plan before = subscription.getPlan();
        subscription.applyBilling(plan, details.currentPeriodStart(), periodEnd, details.trialEndsAt());
        priceChanges.afterPlanChange(subscription, before);
        audit.record(source.actor(), source.channel(), "SUBSCRIPTION_UPDATED", "Subscription", subscription.getId(), null,
                subscription.getStatus(), "plan " + plan.getCode() + ", period until " + periodEnd);
        return new Upserted<>(subscription, false);
    }

    /**
     * Whether the consumer asked for the service to start within the withdrawal period, as the operator's shop
     * recorded it: it decides whether a withdrawal refunds everything or keeps back the days used. Audited when it
     * changes.
     */
    public void serviceStartRequested(ChangeSource source, String externalId, boolean requested) {
        Subscription subscription = records.subscription(source.operator(), externalId,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new IllegalStateException("No subscription "
                        + externalId));
        if (subscription.isServiceStartRequested() == requested) {
            return;
        }
        subscription.setServiceStartRequested(requested);
        audit.record(source.actor(), source.channel(), "SERVICE_START_REQUESTED_SET", "Subscription",
                subscription.getId(), null, subscription.getStatus(), "service start requested within the"
                        + " withdrawal period: " + requested);
    }
}
