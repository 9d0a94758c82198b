package org.cancelportal.subscription.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/** Queries over subscriptions and subscribers. */
@ApplicationScoped
public class Subscriptions {

    @PersistenceContext
    EntityManager em;

    public List<Subscription> ofSubscriber(long subscriberId) {
        return em.createQuery("select s from Subscription s where s.subscriber.id = :id order by s.startedAt, s.id",
                Subscription.class).setParameter("id", subscriberId).getResultList();
    }

    public Optional<Subscriber> subscriber(long subscriberId) {
        return Optional.ofNullable(em.find(Subscriber.class, subscriberId));
    }

    /**
     * Reads the subscription with a row lock (SELECT ... FOR UPDATE) held until the transaction ends: every change to
     * one subscription, from any thread or node, happens one after the other.
     */
    public Optional<Subscription> lock(long subscriptionId) {
        return Optional.ofNullable(em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE));
    }
}
