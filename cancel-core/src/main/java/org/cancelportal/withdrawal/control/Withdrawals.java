package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.Withdrawal;

/** Finds withdrawals. */
@ApplicationScoped
public class Withdrawals {

    @PersistenceContext
    EntityManager em;

    public Optional<Withdrawal> byReference(String reference) {
        return first(em.createQuery("select w from Withdrawal w where w.reference = :reference", Withdrawal.class)
                .setParameter("reference", reference));
    }

    public Optional<Withdrawal> byIdempotencyKey(String key) {
        return first(em.createQuery("select w from Withdrawal w where w.idempotencyKey = :key", Withdrawal.class)
                .setParameter("key", key));
    }

    public Optional<Withdrawal> of(long subscriptionId) {
        return first(em.createQuery("select w from Withdrawal w where w.subscription.id = :id", Withdrawal.class)
                .setParameter("id", subscriptionId));
    }

    /** The withdrawals of a page of subscriptions, by subscription id: one read for the page, not one a row. */
    public Map<Long, Withdrawal> of(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select w from Withdrawal w where w.subscription in :subscriptions", Withdrawal.class)
                .setParameter("subscriptions", subscriptions).getResultStream()
                .collect(Collectors.toMap(w -> w.getSubscription().getId(), Function.identity()));
    }

    public List<Withdrawal> ofSubscriber(long subscriberId) {
        return em.createQuery("select w from Withdrawal w where w.subscription.subscriber.id = :id"
                + " order by w.receivedAt desc", Withdrawal.class).setParameter("id", subscriberId).getResultList();
    }

    public boolean referenceTaken(String reference) {
        return byReference(reference).isPresent();
    }

    private static <T> Optional<T> first(TypedQuery<T> query) {
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }
}
