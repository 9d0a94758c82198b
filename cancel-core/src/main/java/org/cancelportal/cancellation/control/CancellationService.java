package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.metrics.control.CancellationMeters;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.reminder.control.PlanPriceNotices;
import org.cancelportal.subscription.control.Subscriptions;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;

/**
 * Cancels and undoes, exactly once. Every change first locks the subscription's row, so repeated or concurrent
 * requests (double clicks, two tabs, two nodes) run one after the other and the later ones find the earlier one's
 * cancellation. Each change writes its audit entry and outbox event in the same transaction; an undo also tells the
 * subscriber of a new price their next charges will be at, which they were not told while they were leaving.
 */
@ApplicationScoped
public class CancellationService {

    static final String SUBJECT_SUBSCRIPTION = "Subscription";
    static final String SUBJECT_CANCELLATION = "Cancellation";

    @PersistenceContext
    EntityManager em;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Cancellations cancellations;

    @Inject
    CancellationPolicy policy;

    @Inject
    ReferenceGenerator references;

    @Inject
    AuditTrail audit;

    @Inject
    CancellationEvents events;

    @Inject
    Refunds refunds;

    @Inject
    CancellationMeters meters;

    @Inject
    PlanPriceNotices priceNotices;

    @Inject
    Clock clock;

    /**
     * Cancels the subscription, or returns the cancellation already in force for it.
     *
     * @throws NotFoundException the subscription does not exist or is not the requester's (audited, then thrown)
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Cancellation cancel(CancelCommand command) {
        long started = System.nanoTime();
        try {
            return cancelOnce(command);
        } finally {
            meters.took(command.requester().channel(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Cancellation cancelOnce(CancelCommand command) {
        Requester requester = command.requester();
        Subscription subscription = subscriptions.lock(command.subscriptionId())
                .filter(requester::mayActOn)
                .orElseThrow(() -> denied(requester, SUBJECT_SUBSCRIPTION, command.subscriptionId()));
        Optional<Cancellation> replay = Optional.ofNullable(command.idempotencyKey())
                .flatMap(cancellations::byIdempotencyKey)
                .filter(earlier -> earlier.getSubscription().getId().equals(subscription.getId()));
        if (replay.isPresent()) {
            return replay.get();
        }
        if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
            return cancellations.inForceFor(subscription.getId())
                    .orElseThrow(() -> new IllegalStateException("Subscription " + subscription.getId()
                            + " is " + subscription.getStatus() + " without a cancellation in force"));
        }
        if (!policy.offers(command.mode())) {
            throw new ModeNotOfferedException(command.mode());
        }
        return create(subscription, command);
    }

    /**
     * Undoes the cancellation while it has not taken effect; undoing an undone one changes nothing.
     *
     * @throws NotFoundException        no such cancellation for this requester (audited)
     * @throws UndoNotPossibleException it has taken effect, or the policy does not allow undoing
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Cancellation undo(String reference, Requester requester) {
        Cancellation found = cancellations.byReference(reference)
                .orElseThrow(() -> denied(requester, SUBJECT_CANCELLATION, reference));
        Subscription subscription = subscriptions.lock(found.getSubscription().getId())
                .filter(requester::mayActOn)
                .orElseThrow(() -> denied(requester, SUBJECT_CANCELLATION, reference));
        Cancellation cancellation = found;
        em.refresh(cancellation); // read again under the lock: another request may have undone it meanwhile
        if (cancellation.isUndone()) {
            return cancellation;
        }
        Instant now = clock.instant();
        if (!policy.mayUndo(cancellation, now)) {
            throw new UndoNotPossibleException(reference, cancellation.getEffectiveAt());
        }
        if (subscription.getStatus() != SubscriptionStatus.CANCELLATION_SCHEDULED) {
            throw new UndoNotPossibleException(reference, cancellation.getEffectiveAt());
        }
        SubscriptionStatus before = subscription.getStatus();
        cancellation.undo(now, requester.actor());
        subscription.resume();
        priceNotices.afterUndo(subscription); // it will be charged again: a new price it was not told of is told now
        audit.record(requester.actor(), requester.channel(), "CANCELLATION_UNDONE", SUBJECT_SUBSCRIPTION,
                subscription.getId(), before, subscription.getStatus(), "reference " + reference);
        events.undone(cancellation);
        meters.undone(requester.channel());
        return cancellation;
    }

    /**
     * The cancellation for its receipt.
     *
     * @throws NotFoundException no such cancellation for this requester (audited)
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Cancellation receipt(String reference, Requester requester) {
        return cancellations.byReference(reference)
                .filter(cancellation -> requester.mayActOn(cancellation.getSubscription()))
                .orElseThrow(() -> denied(requester, SUBJECT_CANCELLATION, reference));
    }

    public CancellationPolicy policy() {
        return policy;
    }

    private Cancellation create(Subscription subscription, CancelCommand command) {
        Instant now = clock.instant();
        Instant received = receivedAt(command, now);
        CancellationMode mode = command.mode();
        CancellationTerms terms = policy.terms(subscription, mode, received);
        Money refund = honourPromise(terms.refund(), command.promisedRefund());
        Requester requester = command.requester();
        Cancellation cancellation = new Cancellation(uniqueReference(), subscription, received, terms.accessUntil(),
                mode, refund, requester.channel(), requester.actor(), command.idempotencyKey());
        cancellation.journeyStarted(command.journeyStartedAt());
        em.persist(cancellation);
        SubscriptionStatus before = subscription.getStatus();
        boolean endsNow = !terms.accessUntil().isAfter(now);
        if (endsNow) {
            subscription.end();
        } else {
            subscription.scheduleEnd();
        }
        audit.record(requester.actor(), requester.channel(), "SUBSCRIPTION_CANCELLED", SUBJECT_SUBSCRIPTION,
                subscription.getId(), before, subscription.getStatus(),
                "reference " + cancellation.getReference() + ", mode " + mode + ", refund " + refund.amount()
                        + " " + refund.currency() + (received.equals(now) ? "" : ", declared " + received));
        events.cancelled(cancellation);
        meters.cancelled(requester.channel(), mode);
        if (endsNow) {
            events.ended(cancellation);
        }
        refunds.open(cancellation);
        em.flush();
        return cancellation;
    }

    /** A declaration made earlier counts from when it reached us; never from the future. */
    private static Instant receivedAt(CancelCommand command, Instant now) {
        return command.declaredAt() != null && command.declaredAt().isBefore(now) ? command.declaredAt() : now;
    }

    /** The page showed an amount a moment ago (before midnight, say): the person gets at least that. */
    private static Money honourPromise(Money computed, Money promised) {
        if (promised == null || !promised.currency().equals(computed.currency())
                || promised.amount().compareTo(computed.amount()) <= 0) {
            return computed;
        }
        return promised;
    }

    private String uniqueReference() {
        String reference = references.next();
        while (cancellations.referenceTaken(reference)) {
            reference = references.next();
        }
        return reference;
    }

    private NotFoundException denied(Requester requester, String subjectType, Object subjectId) {
        audit.record(requester.actor(), requester.channel(), "ACCESS_DENIED", subjectType, subjectId, null, null,
                "not found or not the requester's");
        return new NotFoundException(subjectType + " " + subjectId);
    }
}
