package org.cancelportal.reminder.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Finds the subscriptions owed a reminder and writes one notice each (see {@link Notices}). Every node may run this
 * at once: rows are claimed with SKIP LOCKED, and the notice's unique key keeps each at most once. A subscription
 * whose cancellation is scheduled or done is owed no reminder. The work goes a batch at a time, each in its own
 * transaction, the next batch after the last row of the one before.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DueReminders {

    private static final Logger LOG = Logger.getLogger(DueReminders.class.getName());
    static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Notices notices;

    @Inject
    ReminderSettings settings;

    @Inject
    Clock clock;

    /** Where a batch ended, so the next one starts after it; {@code more} is false after the last batch. */
    public record Cursor(Instant date, long id, boolean more, int written) {

        public static Cursor start() {
            return new Cursor(Instant.EPOCH, 0, true, 0);
        }
    }

    /**
     * Reminders before a coming charge: a trial's end, a yearly renewal, a UK six-monthly renewal. Only months that
     * could be a sixth are looked at for monthly plans; the rules decide exactly.
     */
    public Cursor beforeCharge(Cursor after) {
        ReminderRules rules = settings.rules();
        Instant now = clock.instant();
        Instant farthest = now.plus(Duration.ofDays(farthestDaysBefore(rules) + 1L));
        List<?> rows = NativeSql.query(em, "SELECT s.id, s.current_period_end FROM subscription s"
                + " JOIN plan p ON p.id = s.plan_id"
                + " WHERE s.status = 'ACTIVE' AND s.current_period_end > ?1 AND s.current_period_end <= ?2"
                + " AND (s.current_period_end, s.id) > (?3, ?4)"
                + " AND (s.trial_ends_at = s.current_period_end OR p.billing_period = 'YEARLY'"
                + "  OR mod(CAST(extract(year FROM age(s.current_period_end, s.started_at)) * 12"
                + "  + extract(month FROM age(s.current_period_end, s.started_at)) AS INTEGER), 6) IN (0, 5))"
                + " AND NOT EXISTS (SELECT 1 FROM reminder_notice n WHERE n.subscription_id = s.id"
                + "  AND n.charge_at = s.current_period_end"
                + "  AND n.kind IN ('TRIAL_CONVERSION', 'ANNUAL_RENEWAL', 'UK_SIX_MONTHLY'))"
                + " ORDER BY s.current_period_end, s.id LIMIT " + BATCH + " FOR UPDATE OF s SKIP LOCKED",
                Timestamp.from(now), Timestamp.from(farthest), Timestamp.from(after.date()), after.id())
                .getResultList();
        int written = 0;
        for (Object row : rows) {
            Subscription subscription = em.find(Subscription.class, ((Number) ((Object[]) row)[0]).longValue());
            written += beforeCharge(rules, subscription, now) ? 1 : 0;
        }
        return next(rows, written);
    }

    private boolean beforeCharge(ReminderRules rules, Subscription subscription, Instant now) {
        Subscriber subscriber = subscription.getSubscriber();
        ZoneId zone = subscriber.getTimeZone();
        Jurisdiction jurisdiction = Jurisdiction.of(subscriber.getCountry());
        Instant charge = subscription.getCurrentPeriodEnd();
        boolean trialEnds = subscription.getTrialEndsAt() != null && subscription.getTrialEndsAt().equals(charge);
        Optional<NoticeKind> kind = ReminderRules.beforeCharge(jurisdiction, trialEnds,
                subscription.getPlan().getBillingPeriod(), ReminderRules.day(subscription.getStartedAt(), zone),
                ReminderRules.day(charge, zone));
        return kind.flatMap(k -> rules.decide(jurisdiction, k, charge, now, zone).map(decision ->
                write(subscription, k, charge, decision))).orElse(false);
    }

    /** The UK's cooling-off notice, in the days after a trial became paid or a yearly plan renewed. */
    public Cursor afterRenewal(Cursor after) {
        ReminderRules rules = settings.rules();
        Instant now = clock.instant();
        int daysAfter = -rules.window(Jurisdiction.UK, NoticeKind.UK_COOLING_OFF).orElseThrow().closesDaysBefore();
        List<?> rows = NativeSql.query(em, "SELECT s.id, s.current_period_start FROM subscription s"
                + " JOIN plan p ON p.id = s.plan_id JOIN subscriber r ON r.id = s.subscriber_id"
                + " WHERE s.status = 'ACTIVE' AND s.current_period_start <= ?1 AND s.current_period_start > ?2"
                + " AND (r.country IS NULL OR r.country = 'GB') AND (s.current_period_start, s.id) > (?3, ?4)"
                + " AND (s.trial_ends_at = s.current_period_start"
                + "  OR (p.billing_period = 'YEARLY' AND s.current_period_start > s.started_at))"
                + " AND NOT EXISTS (SELECT 1 FROM reminder_notice n WHERE n.subscription_id = s.id"
                + "  AND n.charge_at = s.current_period_start AND n.kind = 'UK_COOLING_OFF')"
                + " ORDER BY s.current_period_start, s.id LIMIT " + BATCH + " FOR UPDATE OF s SKIP LOCKED",
                Timestamp.from(now), Timestamp.from(now.minus(Duration.ofDays(daysAfter + 1L))),
                Timestamp.from(after.date()), after.id()).getResultList();
        int written = 0;
        for (Object row : rows) {
            Subscription subscription = em.find(Subscription.class, ((Number) ((Object[]) row)[0]).longValue());
            Subscriber subscriber = subscription.getSubscriber();
            Jurisdiction jurisdiction = Jurisdiction.of(subscriber.getCountry());
            Instant renewed = subscription.getCurrentPeriodStart();
            written += rules.decide(jurisdiction, NoticeKind.UK_COOLING_OFF, renewed, now, subscriber.getTimeZone())
                    .map(decision -> write(subscription, NoticeKind.UK_COOLING_OFF, renewed, decision))
                    .orElse(false) ? 1 : 0;
        }
        return next(rows, written);
    }

    /** Price-change notices written earlier, whose window has now opened. */
    public int publishHeld() {
        return notices.publishDue();
    }

    private boolean write(Subscription subscription, NoticeKind kind, Instant date, ReminderRules.Decision decision) {
        boolean late = decision.timing() == ReminderRules.Timing.SEND_LATE;
        if (decision.timing() != ReminderRules.Timing.SEND && !late) {
            return false;
        }
        if (late) {
            LOG.warning(() -> kind + " reminder for subscription " + subscription.getId() + " goes out late: its"
                    + " window closed on " + decision.windowCloses() + " (the subscription came too close to its"
                    + " date); the support desk shows it as late");
        }
        return notices.write(subscription, kind, date, late).isPresent();
    }

    private static Cursor next(List<?> rows, int written) {
        if (rows.isEmpty()) {
            return new Cursor(Instant.EPOCH, 0, false, written);
        }
        Object[] last = (Object[]) rows.get(rows.size() - 1);
        return new Cursor(NativeSql.instant(last[1]), ((Number) last[0]).longValue(), rows.size() == BATCH, written);
    }

    private static int farthestDaysBefore(ReminderRules rules) {
        int farthest = 0;
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            for (NoticeKind kind : NoticeKind.values()) {
                farthest = Math.max(farthest, rules.window(jurisdiction, kind).map(NoticeWindow::opensDaysBefore)
                        .orElse(0));
            }
        }
        return farthest;
    }
}
