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
        List<Number> due = em.createNativeQuery("SELECT s.id FROM subscription s JOIN cancellation c"
                        + " ON c.subscription_id = s.id AND c.undone_at IS NULL"
                        + " WHERE s.status = 'CANCELLATION_SCHEDULED' AND c.effective_at <= ?1"
                        + " ORDER BY c.effective_at LIMIT ?2 FOR UPDATE OF s SKIP LOCKED")
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
