package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operatordata.control.ChangeSource;
import org.cancelportal.schema.control.NativeSql;

/**
 * What an operator can see of its deliveries, newest first, and each one's attempts; and replay, of one delivery or
 * of everything since a time, which puts them in line again at once, under the same webhook-id and with the same
 * body (a delivery that had used up its schedule gets one more attempt). Only the operator's own endpoints are found.
 * A replay is audited under whoever asked for it.
 */
@ApplicationScoped
@Transactional
public class WebhookDeliveryLog {

    static final int PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** One delivery; nextAttemptAt only while it waits to be sent (PENDING), else null. */
    public record Delivery(String id, String eventType, String status, int attempts, Instant occurredAt,
                           Instant nextAttemptAt, Instant deliveredAt) {
    }

    public record Attempt(int attempt, Instant startedAt, Integer statusCode, int latencyMs, String response,
                          String error) {
    }

    /** The endpoint's latest deliveries, or empty when the operator has no such endpoint. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Delivery>> deliveries(OperatorAccount operator, UUID endpoint) {
        if (!owns(operator, endpoint)) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em, "SELECT id, event_type, status, attempts, occurred_at,"
                + " CASE WHEN status = 'PENDING' THEN next_attempt_at END, delivered_at FROM webhook_delivery WHERE endpoint_id = ?1 ORDER BY occurred_at DESC, id DESC LIMIT " + PAGE,
                endpoint).getResultList();
        return Optional.of(rows.stream().map(Object[].class::cast).map(row -> new Delivery((String) row[0],
                (String) row[1], (String) row[2], ((Number) row[3]).intValue(), NativeSql.instant(row[4]),
                NativeSql.instant(row[5]), NativeSql.instant(row[6])))
                .toList());
    }

    /** One delivery's attempts, oldest first, or empty when it is not one of the operator's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Attempt>> attempts(OperatorAccount operator, UUID endpoint, String delivery) {
        if (!owns(operator, endpoint) || !exists(endpoint, delivery)) {
            return Optional.empty();
        }
        List<?> rows = NativeSql.query(em, "SELECT attempt, started_at, status_code, latency_ms, response, error"
                + " FROM webhook_attempt WHERE delivery_id = ?1 ORDER BY attempt", delivery).getResultList();
        return Optional.of(rows.stream().map(Object[].class::cast).map(row -> new Attempt(
                ((Number) row[0]).intValue(), NativeSql.instant(row[1]), row[2] == null ? null : ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), (String) row[4], (String) row[5])).toList());
    }

    /** Puts one delivery in line to be sent again, now; false when it is not one of the operator's. */
    public boolean replay(ChangeSource source, UUID endpoint, String delivery) {
        boolean queued = owns(source.operator(), endpoint) && NativeSql.query(em, "UPDATE webhook_delivery"
                + " SET status = 'PENDING', next_attempt_at = ?3, delivered_at = NULL WHERE endpoint_id = ?1"
                + " AND id = ?2", endpoint, delivery, Timestamp.from(clock.instant())).executeUpdate() == 1;
        if (queued) {
            audit.record(source.actor(), source.channel(), "WEBHOOK_DELIVERY_REPLAYED", "WebhookDelivery", delivery,
                    null, "PENDING", detail(source, "endpoint " + endpoint));
        }
        return queued;
    }

    /** Puts in line again every delivery of the endpoint whose event happened at or after since; how many, or empty. */
    public Optional<Integer> replaySince(ChangeSource source, UUID endpoint, Instant since) {
        if (!owns(source.operator(), endpoint)) {
            return Optional.empty();
        }
        int queued = NativeSql.query(em, "UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?3,"
                + " delivered_at = NULL WHERE endpoint_id = ?1 AND occurred_at >= ?2", endpoint,
                Timestamp.from(since), Timestamp.from(clock.instant())).executeUpdate();
        audit.record(source.actor(), source.channel(), "WEBHOOK_DELIVERIES_REPLAYED", "WebhookEndpoint", endpoint,
                null, null, detail(source, queued + " since " + since));
        return Optional.of(queued);
    }

    private static String detail(ChangeSource source, String what) {
        return source.onBehalf() == null ? what : what + ", " + source.onBehalf();
    }

    private boolean owns(OperatorAccount operator, UUID endpoint) {
        return ((Number) NativeSql.query(em, "SELECT count(*) FROM webhook_endpoint WHERE id = ?1 AND operator_id = ?2",
                endpoint, operator.id()).getSingleResult()).intValue() == 1;
    }

    private boolean exists(UUID endpoint, String delivery) {
        return ((Number) NativeSql.query(em, "SELECT count(*) FROM webhook_delivery WHERE id = ?1 AND endpoint_id = ?2",
                delivery, endpoint).getSingleResult()).intValue() == 1;
    }
}
