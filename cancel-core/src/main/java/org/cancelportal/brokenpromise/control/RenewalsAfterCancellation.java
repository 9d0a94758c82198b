package org.cancelportal.brokenpromise.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Renewals that would break "You will not be charged again": billing reported a new period reaching past the date a
 * cancellation took or takes effect. The portal keeps the cancellation's date and the period it had, and instead
 * audits the report, keeps it for the support desk, and tells the operator (RenewalAfterCancellation), so that the
 * charge is stopped or paid back.
 */
@ApplicationScoped
@Transactional
public class RenewalsAfterCancellation {

    public static final String EVENT = "RenewalAfterCancellation";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** One renewal report that support has not marked sorted out yet. */
    public record Open(long id, Instant reportedAt, String reportedBy, String channel, Instant periodStart,
                       Instant periodEnd, String reference, Instant effectiveAt, long subscriberId,
                       String subscriberName, String planName) {
    }

    /** True if a period ending then would renew the subscription past its cancellation. */
    public static boolean wouldRenew(Cancellation inForce, Instant reportedPeriodEnd) {
        return reportedPeriodEnd.isAfter(inForce.getEffectiveAt());
    }

    /** Keeps the report, once: the same period reported again while the first report is open changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subscription subscription, Cancellation inForce, Instant periodStart, Instant periodEnd,
                       String actor, Channel channel) {
        if (!NativeSql.query(em, "SELECT 1 FROM renewal_after_cancellation WHERE subscription_id = ?1"
                        + " AND reported_period_start = ?2 AND reported_period_end = ?3 AND resolved_at IS NULL",
                subscription.getId(), Timestamp.from(periodStart), Timestamp.from(periodEnd)).getResultList().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        NativeSql.query(em, "INSERT INTO renewal_after_cancellation (subscription_id, cancellation_id, reported_at,"
                        + " reported_by, channel, reported_period_start, reported_period_end)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", subscription.getId(), inForce.getId(),
                Timestamp.from(now), actor, channel.name(), Timestamp.from(periodStart), Timestamp.from(periodEnd))
                .executeUpdate();
        audit.record(actor, channel, "RENEWAL_AFTER_CANCELLATION", "Subscription", subscription.getId(),
                subscription.getStatus(), subscription.getStatus(), "reference " + inForce.getReference()
                        + ", effective " + inForce.getEffectiveAt() + ", reported period " + periodStart + " to "
                        + periodEnd + "; the cancellation's date was kept");
        outbox.publish(CancellationEvents.AGGREGATE, subscription.getId(), EVENT, Json.createObjectBuilder()
                .add("reference", inForce.getReference())
                .add("subscriptionId", subscription.getId())
                .add("subscriberId", subscription.getSubscriber().getId())
                .add("effectiveAt", inForce.getEffectiveAt().toString())
                .add("reportedPeriodStart", periodStart.toString())
                .add("reportedPeriodEnd", periodEnd.toString())
                .add("reportedAt", now.toString())
                .build());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Open> open() {
        List<?> rows = NativeSql.query(em, """
                SELECT r.id, r.reported_at, r.reported_by, r.channel, r.reported_period_start, r.reported_period_end,
                       c.reference, c.effective_at, s.id, s.name, p.name
                FROM renewal_after_cancellation r
                JOIN cancellation c ON c.id = r.cancellation_id
                JOIN subscription su ON su.id = r.subscription_id
                JOIN subscriber s ON s.id = su.subscriber_id
                JOIN plan p ON p.id = su.plan_id
                WHERE r.resolved_at IS NULL ORDER BY r.reported_at, r.id LIMIT 200""").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Open(((Number) row[0]).longValue(), NativeSql.instant(row[1]), (String) row[2],
                        (String) row[3], NativeSql.instant(row[4]), NativeSql.instant(row[5]), (String) row[6],
                        NativeSql.instant(row[7]), ((Number) row[8]).longValue(), (String) row[9],
                        (String) row[10]))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount() {
        return ((Number) NativeSql.query(em, "SELECT count(*) FROM renewal_after_cancellation WHERE resolved_at IS NULL")
                .getSingleResult()).longValue();
    }

    /** Support has sorted it out with the operator and the subscriber; true if it was still open. */
    public boolean resolve(long id, String by) {
        return NativeSql.query(em, "UPDATE renewal_after_cancellation SET resolved_at = ?2, resolved_by = ?3"
                + " WHERE id = ?1 AND resolved_at IS NULL", id, Timestamp.from(clock.instant()), by)
                .executeUpdate() == 1;
    }
}
