package org.cancelportal.reminder.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.logging.Logger;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.PlanPrice;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.trace.control.TraceContext;

/**
 * A plan's new price, told to every subscription on it that will be charged again (active, trials included): one
 * PRICE_CHANGE notice each, about the subscription's first charge on or after the time the new price takes effect
 * (see {@link PlanPriceRules#firstChargeOnOrAfter}), with the price that charge would have had and the new one. Each
 * notice is held until its window opens in the subscriber's jurisdiction and on their calendar, as
 * {@link ReminderRules#decide} has it, and then handed to the outbox by the reminder job ({@link Notices#publishDue()}).
 * A notice whose window has closed already goes out at once, marked late, and its operator hears of it (notice.late).
 * A plan may have a million subscriptions, so all of this is one statement: no row comes to Java.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanPriceNotices {

    private static final Logger LOG = Logger.getLogger(PlanPriceNotices.class.getName());

    /** How many charges ahead a subscription's charges are projected: enough for an effective date a year away. */
    static final int CHARGES_AHEAD = 40;

    @PersistenceContext
    EntityManager em;

    @Inject
    ReminderSettings settings;

    @Inject
    TraceContext trace;

    @Inject
    Clock clock;

    /** What a price change wrote: notices, and how many of them are late. */
    public record Told(int notices, int late) {
    }

    /**
     * Call before the plan's price history takes the new price (the old prices are read from it).
     *
     * @param effective the time from which the new price applies; each subscription's first charge then or later is
     *                  the first at the new price
     */
    public Told announce(Plan plan, Money newPrice, Instant effective) {
        Told told = run(statement(settings.rules(), plan.getId(), clock.instant(), effective, newPrice,
                plan.getPrice(), trace.current().orElse("")));
        if (told.late() > 0) {
            LOG.warning(() -> "The price change of plan " + plan.getId() + " (" + plan.getCode() + ") reaches "
                    + told.late() + " of its subscriptions too soon to tell them within the notice window; their"
                    + " notices go out now, marked late on the support desk, and the operator is told (notice.late)");
        }
        return told;
    }

    /**
     * Call when a subscription is to be charged again after all (its cancellation undone, the subscription active
     * again): while its cancellation was scheduled, {@link #announce} passed it by, so each price of its plan that
     * first applies after the charge of its current period is told now, by the same statement for this one
     * subscription, with the price before it as the old one. A price it was told of before is not told again (the
     * unique index), nor is a price equal to the one before it; a notice skipped while it was leaving is held again.
     */
    public Told afterUndo(Subscription subscription) {
        Plan plan = subscription.getPlan();
        Instant paid = subscription.getCurrentPeriodStart();
        Currency currency = plan.getPrice().currency();
        int notices = 0;
        int late = 0;
        for (PlanPrice price : plan.getPrices().stream().filter(price -> price.getAppliesFrom().isAfter(paid))
                .sorted(Comparator.comparing(PlanPrice::getAppliesFrom)).toList()) {
            Told told = run(statementFor(subscription.getId(), settings.rules(), plan.getId(), clock.instant(),
                    price.getAppliesFrom(), new Money(price.getAmount(), currency), plan.getPrice(),
                    trace.current().orElse("")));
            notices += told.notices();
            late += told.late();
        }
        if (late > 0) {
            LOG.warning(() -> "Subscription " + subscription.getId() + " is to be charged again, too soon to tell"
                    + " its new price within the notice window; the notice goes out now, marked late on the support"
                    + " desk, and the operator is told (notice.late)");
        }
        return new Told(notices, late);
    }

    private Told run(Statement statement) {
        em.flush();
        Object[] counts = (Object[]) NativeSql.query(em, statement.sql(), statement.parameters().toArray())
                .getSingleResult();
        return new Told(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
    }

    /** The statement and its parameters, ?1, ?2 … each once and in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    /**
     * @param current the plan's price set last, the price of a charge when the plan has no price history
     */
    static Statement statement(ReminderRules rules, long planId, Instant now, Instant effective, Money newPrice,
                               Money current, String traceparent) {
        return statement(rules, planId, null, now, effective, newPrice, current, traceparent);
    }

    /**
     * The same statement for one subscription whose plan's price history has the new price already: the old price
     * is the one that applied to its charge before the new price's time.
     */
    static Statement statementFor(long subscriptionId, ReminderRules rules, long planId, Instant now,
                                  Instant effective, Money newPrice, Money current, String traceparent) {
        return statement(rules, planId, subscriptionId, now, effective, newPrice, current, traceparent);
    }

    private static Statement statement(ReminderRules rules, long planId, Long subscriptionId, Instant now,
                                       Instant effective, Money newPrice, Money current, String traceparent) {
        List<Object> parameters = new ArrayList<>(List.of(planId, Timestamp.from(now), Timestamp.from(effective),
                newPrice.amount(), newPrice.currency().getCurrencyCode(), current.amount(), traceparent));
        StringBuilder windows = new StringBuilder();
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            NoticeWindow window = rules.window(jurisdiction, NoticeKind.PRICE_CHANGE).orElseThrow();
            windows.append(windows.isEmpty() ? "" : ", ").append("(CAST(?").append(parameters.size() + 1)
                    .append(" AS TEXT), CAST(?").append(parameters.size() + 2).append(" AS INTEGER), CAST(?")
                    .append(parameters.size() + 3).append(" AS INTEGER))");
            parameters.addAll(List.of(jurisdiction.name(), window.opensDaysBefore(), window.closesDaysBefore()));
        }
        String sql = SQL.replace("$WINDOWS", windows);
        if (subscriptionId == null) {
            sql = sql.replace("$ONE_SUBSCRIPTION", "").replace("$PRICED_BEFORE", "")
                    .replace("$ON_CONFLICT", "ON CONFLICT DO NOTHING");
        } else {
            parameters.add(subscriptionId);
            sql = sql.replace("$ONE_SUBSCRIPTION", " AND s.id = CAST(?" + parameters.size() + " AS BIGINT)")
                    .replace("$PRICED_BEFORE", " AND pp.applies_from < params.effective")
                    .replace("$ON_CONFLICT", TOLD_AGAIN_IF_SKIPPED);
        }
        return new Statement(sql, List.copyOf(parameters));
    }

    /*
     * A notice of this price that was not sent because the subscription was leaving when its turn came (skipped) is
     * held again, as if written now; one that was sent, or is still held, stays as it is.
     */
    private static final String TOLD_AGAIN_IF_SKIPPED = "ON CONFLICT (subscription_id, kind, charge_at,"
            + " (coalesce(new_amount, -1))) DO UPDATE SET written_at = EXCLUDED.written_at, due_at = EXCLUDED.due_at,"
            + " late = EXCLUDED.late, old_amount = EXCLUDED.old_amount, published_at = NULL, skipped_at = NULL"
            + " WHERE reminder_notice.skipped_at IS NOT NULL AND reminder_notice.sent_at IS NULL";

    /*
     * charge_at: the first of current_period_end, + 1, + 2 … periods that is on or after the effective time.
     * old_amount: the price of that charge before this change (the newest price from then or earlier; for one
     * subscription after an undo, whose history has the new price already, the newest from before the change).
     * The days are the subscriber's own: today, the day the window opens (send_on) and the day it closes.
     */
    private static final String SQL = """
            WITH params AS (
                SELECT CAST(?1 AS BIGINT) AS plan_id, CAST(?2 AS TIMESTAMPTZ) AS now,
                       CAST(?3 AS TIMESTAMPTZ) AS effective, CAST(?4 AS NUMERIC) AS new_amount,
                       CAST(?5 AS CHAR(3)) AS currency, CAST(?6 AS NUMERIC) AS current_amount,
                       NULLIF(CAST(?7 AS TEXT), '') AS traceparent
            ), windows (jurisdiction, opens, closes) AS (VALUES $WINDOWS),
            charged AS (
                SELECT s.id AS subscription_id, r.time_zone AS zone,
                       CASE WHEN r.country IS NULL THEN 'UNKNOWN' WHEN r.country = 'US' THEN 'US'
                            WHEN r.country = 'GB' THEN 'UK' ELSE 'ELSEWHERE' END AS jurisdiction,
                       (SELECT min(s.current_period_end + k * CASE WHEN p.billing_period = 'YEARLY'
                                   THEN INTERVAL '1 year' ELSE INTERVAL '1 month' END)
                          FROM generate_series(0, $AHEAD) k
                         WHERE s.current_period_end + k * CASE WHEN p.billing_period = 'YEARLY'
                                   THEN INTERVAL '1 year' ELSE INTERVAL '1 month' END >= params.effective) AS charge_at
                  FROM params JOIN plan p ON p.id = params.plan_id
                  JOIN subscription s ON s.plan_id = p.id AND s.status = 'ACTIVE'$ONE_SUBSCRIPTION
                  JOIN subscriber r ON r.id = s.subscriber_id
            ), priced AS (
                SELECT c.*, coalesce((SELECT pp.amount FROM plan_price pp WHERE pp.plan_id = params.plan_id
                                        AND pp.applies_from <= c.charge_at$PRICED_BEFORE
                                      ORDER BY pp.applies_from DESC, pp.id DESC LIMIT 1),
                                     params.current_amount) AS old_amount,
                       CAST(c.charge_at AT TIME ZONE c.zone AS DATE) AS charge_day,
                       CAST(params.now AT TIME ZONE c.zone AS DATE) AS today
                  FROM charged c CROSS JOIN params WHERE c.charge_at IS NOT NULL
            ), timed AS (
                SELECT p.*, p.charge_day - w.opens AS send_on, p.charge_day - w.closes AS closes_on
                  FROM priced p JOIN windows w ON w.jurisdiction = p.jurisdiction
            ), written AS (
                INSERT INTO reminder_notice (subscription_id, kind, charge_at, written_at, due_at, late, old_amount,
                                             new_amount, currency)
                SELECT t.subscription_id, 'PRICE_CHANGE', t.charge_at, params.now,
                       CASE WHEN t.today < t.send_on THEN CAST(t.send_on AS TIMESTAMP) AT TIME ZONE t.zone
                            ELSE params.now END,
                       t.today > t.closes_on, t.old_amount, params.new_amount, params.currency
                  FROM timed t CROSS JOIN params
                 WHERE t.old_amount <> params.new_amount
                $ON_CONFLICT
                RETURNING id, subscription_id, charge_at, late, old_amount, new_amount, currency
            ), told_late AS (
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at,
                                          traceparent)
                SELECT gen_random_uuid(), '$AGGREGATE', CAST(w.subscription_id AS TEXT), '$LATE',
                       CAST(json_build_object('subscriptionId', w.subscription_id, 'noticeId', w.id,
                            'kind', 'PRICE_CHANGE',
                            'date', to_char(w.charge_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                            'oldAmount', w.old_amount, 'newAmount', w.new_amount,
                            'currency', w.currency) AS TEXT),
                       params.now, params.traceparent
                  FROM written w CROSS JOIN params WHERE w.late
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM written), (SELECT count(*) FROM told_late)
            """.replace("$AHEAD", String.valueOf(CHARGES_AHEAD)).replace("$AGGREGATE", ReminderEvents.AGGREGATE)
            .replace("$LATE", ReminderEvents.NOTICE_LATE);
}
