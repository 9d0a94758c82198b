package org.cancelportal.operatordata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/**
 * What an operator may read: only its own subscribers, subscriptions, cancellations and plans (and the shared plans),
 * found by its own ids. Lists are pages in id order ("keyset"): a page starts after the last id of the one before, so rows added meanwhile are
 * neither skipped nor shown twice.
 */
@ApplicationScoped
public class OperatorRecords {

    public static final int MAX_PAGE = 200;

    /** EclipseLink's hint for a relationship read in the same statement, nested paths included. */
    private static final String JOIN_FETCH = "eclipselink.join-fetch";

    @PersistenceContext
    EntityManager em;

    /** One page, and the cursor for the next one if there is more. */
    public record Page<T>(List<T> items, Long nextAfter) {
    }

    public Optional<Subscriber> subscriber(OperatorAccount operator, String externalId, LockModeType lock) {
        return em.createQuery("select s from Subscriber s where s.operatorId = :operator and s.externalId = :id",
                        Subscriber.class).setParameter("operator", operator.id()).setParameter("id", externalId)
                .setLockMode(lock).getResultStream().findFirst();
    }

    public Optional<Subscription> subscription(OperatorAccount operator, String externalId, LockModeType lock) {
        return em.createQuery("select s from Subscription s where s.operatorId = :operator"
                        + " and s.externalReference = :id", Subscription.class)
                .setParameter("operator", operator.id()).setParameter("id", externalId)
                .setLockMode(lock).getResultStream().findFirst();
    }

    /** The plan a code names for this operator: its own plan first, else a shared one; never another operator's. */
    public Optional<Plan> plan(OperatorAccount operator, String code) {
        return ownPlan(operator, code, LockModeType.NONE).or(() -> sharedPlan(code));
    }

    public Optional<Plan> ownPlan(OperatorAccount operator, String code, LockModeType lock) {
        return em.createQuery("select p from Plan p where p.operatorId = :operator and p.code = :code", Plan.class)
                .setParameter("operator", operator.id()).setParameter("code", code).setLockMode(lock)
                .getResultStream().findFirst();
    }

    public Optional<Plan> sharedPlan(String code) {
        return em.createQuery("select p from Plan p where p.operatorId is null and p.code = :code", Plan.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The plans this operator may use, its own and the shared ones, a page at a time in id order. */
    public Page<Plan> plans(OperatorAccount operator, long after, int limit) {
        List<Plan> rows = em.createQuery("select p from Plan p where (p.operatorId = :operator or p.operatorId is"
                        + " null) and p.id > :after order by p.id", Plan.class)
                .setParameter("operator", operator.id()).setParameter("after", after)
                .setMaxResults(limit + 1).getResultList();
        return page(rows, limit, Plan::getId);
    }

    boolean emailTakenByAnother(OperatorAccount operator, String email, Long ownId) {
        return !em.createQuery("select s.id from Subscriber s where s.operatorId = :operator"
                        + " and lower(s.email) = lower(:email) and s.id <> :own", Long.class)
                .setParameter("operator", operator.id()).setParameter("email", email.strip())
                .setParameter("own", ownId == null ? -1L : ownId).setMaxResults(1).getResultList().isEmpty();
    }

    public Page<Subscription> subscriptions(OperatorAccount operator, long after, int limit) {
        // subscriber and plan in the same statement: one read per page, not one more per row
        List<Subscription> rows = em.createQuery("select s from Subscription s join fetch s.subscriber"
                        + " join fetch s.plan where s.operatorId = :operator and s.id > :after order by s.id",
                        Subscription.class)
                .setParameter("operator", operator.id()).setParameter("after", after)
                .setMaxResults(limit + 1).getResultList();
        return page(rows, limit, Subscription::getId);
    }

    public Page<Cancellation> cancellations(OperatorAccount operator, long after, int limit) {
        List<Cancellation> rows = em.createQuery("select c from Cancellation c where c.operatorId = :operator"
                        + " and c.id > :after order by c.id", Cancellation.class)
                .setHint(JOIN_FETCH, "c.subscription").setHint(JOIN_FETCH, "c.subscription.subscriber")
                .setHint(JOIN_FETCH, "c.subscription.plan")
                .setParameter("operator", operator.id()).setParameter("after", after)
                .setMaxResults(limit + 1).getResultList();
        return page(rows, limit, Cancellation::getId);
    }

    /** One of the operator's cancellations by its reference; another operator's is as unknown as none at all. */
    public Optional<Cancellation> cancellation(OperatorAccount operator, String reference) {
        return em.createQuery("select c from Cancellation c where c.subscription.operatorId = :operator"
                        + " and c.reference = :reference", Cancellation.class)
                .setParameter("operator", operator.id()).setParameter("reference", reference)
                .getResultStream().findFirst();
    }

    /** The cancellation in force for each of these subscriptions that has one. */
    public Map<Long, Cancellation> inForce(List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from Cancellation c where c.subscription in :subscriptions"
                        + " and c.undoneAt is null", Cancellation.class)
                .setParameter("subscriptions", subscriptions).getResultStream()
                .collect(Collectors.toMap(c -> c.getSubscription().getId(), Function.identity()));
    }

    private static <T> Page<T> page(List<T> rows, int limit, Function<T, Long> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), id.apply(items.get(limit - 1)));
    }
}
