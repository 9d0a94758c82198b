package org.cancelportal.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cancelportal.reminder.boundary.ReminderSchedule;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;

/** The reminder job run on demand, a plan at another price, and a subscriber's own id for the support desk. */
@ApplicationScoped
public class ReminderFixture {

    @PersistenceContext
    EntityManager em;

    @Inject
    ReminderSchedule schedule;

    public int runJob() {
        return schedule.writeDue();
    }

    @Transactional
    public String plan(String name, String price) {
        Plan plan = new Plan("price-" + UUID.randomUUID().toString().substring(0, 8), name, Money.of(price, "EUR"),
                BillingPeriod.MONTHLY);
        em.persist(plan);
        return plan.getCode();
    }

    public long subscriberId(String email) {
        return ((Number) NativeSql.query(em, "SELECT id FROM subscriber WHERE lower(email) = lower(?1)", email)
                .getSingleResult()).longValue();
    }
}
