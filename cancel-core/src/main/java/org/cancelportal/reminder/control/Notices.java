package org.cancelportal.reminder.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.subscription.entity.SubscriptionStatus;

/**
 * Writes a notice a subscriber is owed, at most once (the database's unique index decides, on every node), and its
 * outbox event in the same transaction; and reads them back for the email, the support desk and the dashboard. A
 * notice that cannot be inside its legal window is written late, and the operator hears of it (notice.late).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notices {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A notice as written: what it is about, and for a price change the two prices. */
    public record Notice(long id, long subscriptionId, NoticeKind kind, Instant date, boolean late, Money oldPrice,
                         Money newPrice, Instant sentAt, Instant skippedAt) {
    }

    /** A reminder due now. @return the new notice's id, or empty when this notice was written before */
    public Optional<Long> write(Subscription subscription, NoticeKind kind, Instant date, boolean late) {
        return write(subscription, kind, date, late, null, null, clock.instant());
    }

    /**
     * A notice, handed to the outbox now if it is due, else kept until {@code dueAt} (see {@link #publishDue()}).
     *
     * @return the new notice's id, or empty when this notice was written before
     */
    public Optional<Long> write(Subscription subscription, NoticeKind kind, Instant date, boolean late,
                                Money oldPrice, Money newPrice, Instant dueAt) {
        Instant now = clock.instant();
        boolean dueNow = !dueAt.isAfter(now);
        List<?> inserted = NativeSql.query(em, "INSERT INTO reminder_notice (subscription_id, kind, charge_at,"
                        + " written_at, due_at, published_at, late, old_amount, new_amount, currency)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS TIMESTAMPTZ), ?7, CAST(?8 AS NUMERIC),"
                        + " CAST(?9 AS NUMERIC), CAST(?10 AS CHAR(3))) ON CONFLICT DO NOTHING RETURNING id",
                subscription.getId(), kind.name(), Timestamp.from(date), Timestamp.from(now), Timestamp.from(dueAt),
                dueNow ? Timestamp.from(now) : null, late, amount(oldPrice), amount(newPrice),
                newPrice == null ? null : newPrice.currency().getCurrencyCode()).getResultList();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) inserted.get(0)).longValue();
        if (dueNow) {
            publish(subscription.getId(), id, kind);
        }
        if (late) {
            JsonObjectBuilder payload = Json.createObjectBuilder().add("subscriptionId", subscription.getId())
                    .add("noticeId", id).add("kind", kind.name()).add("date", date.toString());
            if (newPrice != null) {
                payload.add("oldAmount", amount(oldPrice)).add("newAmount", amount(newPrice))
                        .add("currency", newPrice.currency().getCurrencyCode());
            }
            outbox.publish(ReminderEvents.AGGREGATE, subscription.getId(), ReminderEvents.NOTICE_LATE,
                    payload.build());
        }
        return Optional.of(id);
    }

    /** Hands the notices whose day has come to the outbox; every node may run this at once (SKIP LOCKED). */
    public int publishDue() {
        Instant now = clock.instant();
        List<?> due = NativeSql.query(em, "SELECT id, subscription_id, kind FROM reminder_notice"
                + " WHERE published_at IS NULL AND due_at <= ?1 ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED",
                Timestamp.from(now)).getResultList();
        for (Object each : due) {
            Object[] row = (Object[]) each;
            long id = ((Number) row[0]).longValue();
            NativeSql.query(em, "UPDATE reminder_notice SET published_at = ?2 WHERE id = ?1", id,
                    Timestamp.from(now)).executeUpdate();
            publish(((Number) row[1]).longValue(), id, NoticeKind.valueOf((String) row[2]));
        }
        return due.size();
    }

    private void publish(long subscriptionId, long noticeId, NoticeKind kind) {
        OutboxEvent event = outbox.publish(ReminderEvents.AGGREGATE, subscriptionId, ReminderEvents.NOTICE_DUE,
                Json.createObjectBuilder().add("noticeId", noticeId).add("kind", kind.name()).build());
        em.flush(); // the event's row first, then the notice that points to it
        NativeSql.query(em, "UPDATE reminder_notice SET event_id = ?2 WHERE id = ?1", noticeId, event.getId())
                .executeUpdate();
    }

    /** One line of a subscriber's reminders and notices, as the support desk shows it. */
    public record Sent(NoticeKind kind, Instant date, boolean late, Instant writtenAt, Instant dueAt, Instant sentAt,
                       Instant skippedAt, boolean failed) {
    }

    /** The subscriber's reminders and notices, newest first, with what became of each delivery. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Sent> ofSubscriber(long subscriberId, String consumer) {
        List<?> rows = NativeSql.query(em, "SELECT n.kind, n.charge_at, n.late, n.written_at, n.due_at, n.sent_at,"
                + " n.skipped_at, d.status FROM reminder_notice n JOIN subscription s ON s.id = n.subscription_id"
                + " LEFT JOIN outbox_delivery d ON d.event_id = n.event_id AND d.consumer = ?2"
                + " WHERE s.subscriber_id = ?1 ORDER BY n.written_at DESC, n.id DESC LIMIT 200", subscriberId,
                consumer).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Sent(NoticeKind.valueOf((String) row[0]),
                NativeSql.instant(row[1]), (Boolean) row[2], NativeSql.instant(row[3]), NativeSql.instant(row[4]),
                NativeSql.instant(row[5]), NativeSql.instant(row[6]), "DEAD".equals(row[7]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Notice> byId(long id) {
        return NativeSql.query(em, "SELECT " + COLUMNS + " FROM reminder_notice WHERE id = ?1", id).getResultList()
                .stream().map(row -> notice((Object[]) row)).findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription subscriptionOf(Notice notice) {
        return em.find(Subscription.class, notice.subscriptionId());
    }

    /**
     * Whether the notice still says what will happen when it goes out: the subscription is active, and the charge or
     * the new price it announces is still the one billing has.
     */
    public static boolean stillTrue(Notice notice, Subscription subscription) {
        if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
            return false;
        }
        return switch (notice.kind()) {
            case PRICE_CHANGE -> subscription.getPlan().priceAt(notice.date()).equals(notice.newPrice());
            case UK_COOLING_OFF -> subscription.getCurrentPeriodStart().equals(notice.date());
            default -> subscription.getCurrentPeriodEnd().equals(notice.date());
        };
    }

    public void sent(long id) {
        NativeSql.query(em, "UPDATE reminder_notice SET sent_at = ?2 WHERE id = ?1", id,
                Timestamp.from(clock.instant())).executeUpdate();
    }

    /** Not sent, because it no longer applies (the subscription was cancelled before it went out). */
    public void skipped(long id) {
        NativeSql.query(em, "UPDATE reminder_notice SET skipped_at = ?2 WHERE id = ?1", id,
                Timestamp.from(clock.instant())).executeUpdate();
    }

    static final String COLUMNS = "id, subscription_id, kind, charge_at, late, old_amount, new_amount, currency,"
            + " sent_at, skipped_at";

    static Notice notice(Object[] row) {
        String currency = (String) row[7];
        return new Notice(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                NoticeKind.valueOf((String) row[2]), NativeSql.instant(row[3]), (Boolean) row[4],
                money(row[5], currency), money(row[6], currency), NativeSql.instant(row[8]),
                NativeSql.instant(row[9]));
    }

    private static Money money(Object amount, String currency) {
        return amount == null ? null : Money.of(((BigDecimal) amount).toPlainString(), currency.strip());
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
