package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.Cancellations;
import org.cancelportal.cancellation.control.NotFoundException;
import org.cancelportal.cancellation.control.ReferenceGenerator;
import org.cancelportal.cancellation.control.Requester;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.metrics.control.WithdrawalMeters;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.subscription.control.Subscriptions;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;
import org.cancelportal.withdrawal.control.WithdrawalNotPossibleException.Reason;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;

/**
 * Withdraws from a contract, exactly once, in the shape of the cancellation service: lock the subscription's row,
 * honour the idempotency key, then write the withdrawal, its audit entries, its outbox event and the refund it owes
 * (due from now, followed through like a cancellation's) in one transaction.
 * A second press, a second tab or a second node finds the first withdrawal and gets it back.
 */
@ApplicationScoped
public class WithdrawalService {

    static final String SUBJECT_SUBSCRIPTION = "Subscription";
    static final String SUBJECT_WITHDRAWAL = "Withdrawal";
    static final String REFERENCE_PREFIX = "WD-";

    @PersistenceContext
    EntityManager em;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Withdrawals withdrawals;

    @Inject
    Cancellations cancellations;

    @Inject
    WithdrawalPolicy policy;

    @Inject
    ReferenceGenerator references;

    @Inject
    AuditTrail audit;

    @Inject
    WithdrawalEvents events;

    @Inject
    WithdrawalMeters meters;

    @Inject
    Refunds refunds;

    @Inject
    Clock clock;

    /**
     * Withdraws from the subscription, or returns the withdrawal already made from it.
     *
     * @throws NotFoundException              no such subscription for this requester (audited)
     * @throws WithdrawalNotPossibleException the right does not apply, the period is over, or the contract has ended
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Withdrawal withdraw(WithdrawCommand command) {
        Requester requester = command.requester();
        Subscription subscription = subscriptions.lock(command.subscriptionId())
                .filter(requester::mayActOn)
                .orElseThrow(() -> denied(requester, SUBJECT_SUBSCRIPTION, command.subscriptionId()));
        Optional<Withdrawal> earlier = Optional.ofNullable(command.idempotencyKey())
                .flatMap(withdrawals::byIdempotencyKey)
                .filter(found -> found.getSubscription().getId().equals(subscription.getId()))
                .or(() -> withdrawals.of(subscription.getId()));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        Instant received = command.receivedAt() != null && command.receivedAt().isBefore(now)
                ? command.receivedAt() : now;
        check(subscription, received);
        return create(subscription, command, received, now);
    }

    /**
     * The withdrawal for its confirmation page.
     *
     * @throws NotFoundException no such withdrawal for this requester (audited)
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Withdrawal confirmation(String reference, Requester requester) {
        return withdrawals.byReference(normalise(reference))
                .filter(withdrawal -> requester.mayActOn(withdrawal.getSubscription()))
                .orElseThrow(() -> denied(requester, SUBJECT_WITHDRAWAL, reference));
    }

    /**
     * What withdrawing from this subscription now would mean, for the confirming step.
     *
     * @throws NotFoundException              no such subscription for this requester (audited)
     * @throws WithdrawalNotPossibleException withdrawing is not possible (any more)
     */
    @Transactional(dontRollbackOn = NotFoundException.class)
    public Subscription withdrawable(long subscriptionId, Requester requester) {
        Subscription subscription = subscriptions.lock(subscriptionId)
                .filter(requester::mayActOn)
                .orElseThrow(() -> denied(requester, SUBJECT_SUBSCRIPTION, subscriptionId));
        check(subscription, clock.instant());
        return subscription;
    }

    public WithdrawalPolicy policy() {
        return policy;
    }

    /** Accepts what a person types or reads out: any case, with or without dashes and spaces. */
    public static String normalise(String typed) {
        String compact = typed == null ? "" : typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9A-Z]", "");
        if (compact.length() == 10 && compact.startsWith("WD")) {
            compact = compact.substring(2);
        }
        return compact.length() == 8 ? REFERENCE_PREFIX + compact.substring(0, 4) + "-" + compact.substring(4)
                : String.valueOf(typed).trim();
    }

    private void check(Subscription subscription, Instant received) {
        if (!subscription.isWithdrawable()) {
            throw new WithdrawalNotPossibleException(subscription.getId(), Reason.ALREADY_ENDED);
        }
        if (policy.days(subscription) <= 0) {
            throw new WithdrawalNotPossibleException(subscription.getId(), Reason.RIGHT_DOES_NOT_APPLY);
        }
        if (!policy.isWithinPeriod(subscription, received)) {
            throw new WithdrawalNotPossibleException(subscription.getId(), Reason.OUTSIDE_PERIOD);
        }
    }

    private Withdrawal create(Subscription subscription, WithdrawCommand command, Instant received, Instant now) {
        Requester requester = command.requester();
        WithdrawalRefund refund = policy.refund(subscription, received);
        Withdrawal withdrawal = new Withdrawal(uniqueReference(), subscription, received, now, requester.channel(),
                requester.actor(), refund, command.idempotencyKey());
        SubscriptionStatus before = subscription.getStatus();
        Optional<Cancellation> scheduled = before == SubscriptionStatus.CANCELLATION_SCHEDULED
                ? cancellations.inForceFor(subscription.getId()) : Optional.empty();
        scheduled.ifPresent(cancellation -> withdrawal.supersedes(cancellation.getReference()));
        em.persist(withdrawal);
        subscription.withdraw();
        audit.record(requester.actor(), requester.channel(), "SUBSCRIPTION_WITHDRAWN", SUBJECT_SUBSCRIPTION,
                subscription.getId(), before, subscription.getStatus(),
                "reference " + withdrawal.getReference() + ", refund " + refund.refund().amount() + " "
                        + refund.refund().currency() + " (" + refund.basis() + ", paid " + refund.paid().amount()
                        + ")" + (received.equals(now) ? "" : ", received " + received));
        scheduled.ifPresent(cancellation -> superseded(withdrawal, cancellation, requester, now));
        events.withdrawn(withdrawal);
        refunds.open(withdrawal);
        meters.withdrawn(requester.channel());
        em.flush();
        return withdrawal;
    }

    private void superseded(Withdrawal withdrawal, Cancellation scheduled, Requester requester, Instant now) {
        scheduled.supersededBy(withdrawal.getReference(), now);
        audit.record(requester.actor(), requester.channel(), "CANCELLATION_SUPERSEDED_BY_WITHDRAWAL",
                SUBJECT_SUBSCRIPTION, scheduled.getSubscription().getId(), SubscriptionStatus.CANCELLATION_SCHEDULED,
                SubscriptionStatus.WITHDRAWN, "cancellation " + scheduled.getReference() + " superseded by withdrawal "
                        + withdrawal.getReference());
    }

    private String uniqueReference() {
        String reference = references.next(REFERENCE_PREFIX);
        while (withdrawals.referenceTaken(reference)) {
            reference = references.next(REFERENCE_PREFIX);
        }
        return reference;
    }

    private NotFoundException denied(Requester requester, String subjectType, Object subjectId) {
        audit.record(requester.actor(), requester.channel(), "ACCESS_DENIED", subjectType, subjectId, null, null,
                "not found or not the requester's");
        return new NotFoundException(subjectType + " " + subjectId);
    }
}
