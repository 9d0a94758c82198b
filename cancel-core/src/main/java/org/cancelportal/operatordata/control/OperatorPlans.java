package org.cancelportal.operatordata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.reminder.control.PlanPriceNotices;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;

/**
 * An operator's own plans, created and changed by the API and the import, under a row lock, audited, and idempotent:
 * the same details twice change nothing the second time, also when both come at once for a plan not made yet. A new price is told to every subscriber who will be charged
 * it ({@link PlanPriceNotices}), in the same transaction as the change. Shared plans are read-only to operators.
 */
@ApplicationScoped
@Transactional
public class OperatorPlans {

    @PersistenceContext
    EntityManager em;

    @Inject
    OperatorRecords records;

    @Inject
    AuditTrail audit;

    @Inject
    PlanPriceNotices priceNotices;

    @Inject
    Clock clock;

    /** What a put did: the plan as it is now, whether it is new, and the notices a new price wrote. */
    public record PlanChange(Plan plan, boolean created, boolean changed, Instant priceEffectiveAt,
                             PlanPriceNotices.Told told) {
    }

    /**
     * @throws InvalidFieldsException naming each bad field; nothing changed
     * @throws ConflictException      the code names a shared plan, which no operator may change
     */
    public PlanChange put(ChangeSource source, String code, PlanDetails details) {
        OperatorAccount operator = source.operator();
        PlanTerms.checkCode(code);
        Optional<Plan> own = records.ownPlan(operator, code, LockModeType.PESSIMISTIC_WRITE);
        if (own.isEmpty()) {
            // two requests creating the same plan at once queue here, so the second finds the first's plan and puts
            // its details as an update (or as no change, when they are the same), as if it had come a moment later
            NativeSql.query(em, "SELECT pg_advisory_xact_lock(hashtext(?1))", "plan " + operator.id() + " " + code)
                    .getSingleResult();
            own = records.ownPlan(operator, code, LockModeType.PESSIMISTIC_WRITE);
        }
        if (own.isEmpty() && records.sharedPlan(code).isPresent()) {
            throw new ConflictException("code", "This code names a plan every operator shares, which only the portal"
                    + " changes. Give your own plan another code.");
        }
        Instant now = clock.instant();
        List<FieldProblem> problems = PlanTerms.problems(details, own.orElse(null), now);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Money price = new Money(details.price(), Currency.getInstance(details.currency()));
        String name = details.name().strip();
        if (own.isEmpty()) {
            Plan plan = Plan.ofOperator(operator.id(), code, name, price,
                    BillingPeriod.valueOf(details.billingPeriod()), details.withdrawalDays());
            em.persist(plan);
            em.flush();
            audit.record(source.actor(), source.channel(), "PLAN_CREATED", "Plan", plan.getId(), null, null,
                    truncated("plan " + code + ": " + terms(plan)));
            return new PlanChange(plan, true, true, null, new PlanPriceNotices.Told(0, 0));
        }
        Plan plan = own.get();
        String before = terms(plan);
        boolean described = plan.describe(name, details.withdrawalDays());
        boolean repriced = !plan.getPrice().equals(price);
        Instant effective = null;
        PlanPriceNotices.Told told = new PlanPriceNotices.Told(0, 0);
        if (repriced) {
            effective = details.priceEffectiveAt() == null ? now : details.priceEffectiveAt();
            told = priceNotices.announce(plan, price, effective);
            newPrice(plan, price, effective);
        }
        if (described || repriced) {
            String detail = "plan " + code + ": " + before + " -> " + terms(plan) + (repriced ? "; new price from "
                    + effective + ", " + told.notices() + " notices written, " + told.late() + " of them late" : "");
            audit.record(source.actor(), source.channel(), "PLAN_UPDATED", "Plan", plan.getId(), null, null,
                    truncated(detail));
        }
        return new PlanChange(plan, false, described || repriced, effective, told);
    }

    /**
     * The price history takes the new price from its time on, replacing any price set before that was to apply then
     * or later; the first change keeps the price until then as the one that applied from the start.
     */
    private void newPrice(Plan plan, Money price, Instant effective) {
        em.flush();
        NativeSql.query(em, "INSERT INTO plan_price (plan_id, amount, applies_from) SELECT id, price_amount,"
                + " TIMESTAMPTZ 'epoch' FROM plan WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM plan_price"
                + " WHERE plan_id = ?2)", plan.getId(), plan.getId()).executeUpdate();
        NativeSql.query(em, "DELETE FROM plan_price WHERE plan_id = ?1 AND applies_from >= ?2", plan.getId(),
                Timestamp.from(effective)).executeUpdate();
        NativeSql.query(em, "INSERT INTO plan_price (plan_id, amount, applies_from) VALUES (?1, ?2, ?3)",
                plan.getId(), price.amount(), Timestamp.from(effective)).executeUpdate();
        NativeSql.query(em, "UPDATE plan SET price_amount = ?2 WHERE id = ?1", plan.getId(), price.amount())
                .executeUpdate();
        em.refresh(plan);
    }

    private static String truncated(String detail) {
        return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }

    private static String terms(Plan plan) {
        return plan.getName() + ", " + plan.getPrice().amount().toPlainString() + " "
                + plan.getPrice().currency().getCurrencyCode() + " " + plan.getBillingPeriod() + ", withdrawal "
                + (plan.getWithdrawalDays() == null ? "default" : plan.getWithdrawalDays() + " days");
    }
}
