package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;

/**
 * Ends subscriptions whose scheduled cancellation has reached its effective date. Rows are claimed with
 * SKIP LOCKED, so every node may run this at the same time without waiting on, or repeating, another's work.
 */
@ApplicationScoped
public class CancellationCompletion {

    static final int BATCH = 100;

    /*
     * Walks only the scheduled subscriptions, by the index on their period end (where a scheduled cancellation takes
     * effect), looking up each one's cancellation in force, and stops after a batch: never the history of ended ones.
     * The LIMIT 1 keeps the planner from turning the lookup into a scan of every cancellation ever made.
     */
    static final String DUE = """
            SELECT s.id FROM subscription s
            CROSS JOIN LATERAL (SELECT c.effective_at FROM cancellation c
                                WHERE c.subscription_id = s.id AND c.undone_at IS NULL LIMIT 1) in_force
            WHERE s.status = 'CANCELLATION_SCHEDULED' AND in_force.effective_at <= ?1
            ORDER BY s.current_period_end
            LIMIT ?2
            FOR UPDATE OF s SKIP LOCKED""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Cancellations cancellations;

    @Inject
    AuditTrail audit;

    @Inject
    CancellationEvents events;

    @Inject
    Clock clock;

    /** @return how many subscriptions ended in this batch */
    @Transactional
    public int completeDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery(DUE)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, BATCH)
                .getResultList();
        for (Number id : due) {
            Subscription subscription = em.find(Subscription.class, id.longValue());
            Cancellation cancellation = cancellations.inForceFor(subscription.getId()).orElseThrow();
            subscription.end();
            audit.record("system", Channel.SYSTEM, "SUBSCRIPTION_ENDED", CancellationService.SUBJECT_SUBSCRIPTION,
                    subscription.getId(), SubscriptionStatus.CANCELLATION_SCHEDULED, SubscriptionStatus.CANCELLED,
                    "reference " + cancellation.getReference());
            events.ended(cancellation);
        }
        return due.size();
    }
}
