package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cancelportal.cancellation.entity.Cancellation;

/** Queries over cancellations. */
@ApplicationScoped
public class Cancellations {

    @PersistenceContext
    EntityManager em;

    public Optional<Cancellation> byReference(String reference) {
        return first(em.createQuery("select c from Cancellation c where c.reference = :reference", Cancellation.class)
                .setParameter("reference", reference).getResultList());
    }

    public Optional<Cancellation> byIdempotencyKey(String key) {
        return first(em.createQuery("select c from Cancellation c where c.idempotencyKey = :key", Cancellation.class)
                .setParameter("key", key).getResultList());
    }

    /** The cancellation that is not undone, if any: at most one exists per subscription. */
    public Optional<Cancellation> inForceFor(long subscriptionId) {
        return first(em.createQuery("select c from Cancellation c where c.subscription.id = :id and c.undoneAt is null",
                Cancellation.class).setParameter("id", subscriptionId).getResultList());
    }

    public List<Cancellation> inForceForSubscriber(long subscriberId) {
        return em.createQuery("select c from Cancellation c where c.subscription.subscriber.id = :id"
                        + " and c.undoneAt is null", Cancellation.class)
                .setParameter("id", subscriberId).getResultList();
    }

    public boolean referenceTaken(String reference) {
        return byReference(reference).isPresent();
    }

    private static <T> Optional<T> first(List<T> results) {
        return results.stream().findFirst();
    }
}
