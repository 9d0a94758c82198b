package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.metrics.control.DeliveryFailureMeters;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * Turns outbox events into one delivery for each endpoint that asked for them, and keeps each delivery's schedule:
 * claimed by one sender at a time (SKIP LOCKED, so every node can send), in the order a subscription's events
 * happened, retried after the waits of webhooks.retry-schedule, dead after the last, and an endpoint that answers
 * 410 Gone switched off.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** How long a claimed delivery is held for its sender: longer than any attempt may take. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_RESPONSE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookPayloads payloads;

    @Inject
    DeliveryFailureMeters failures;

    @Inject
    Clock clock;

    /** A delivery its sender holds now: where it goes, what it sends, and the secrets that sign it. */
    public record Claimed(String id, UUID endpoint, String url, byte[] body, List<String> secrets, int attempt,
                          String traceparent) {
    }

    /** What one attempt met: a status (0 when no answer came), its time, the answer's first bytes or the error. */
    public record Outcome(int statusCode, Duration latency, String response, String error) {

        boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    /** Deliveries for the event to every enabled endpoint that asked for its type, of each operator it concerns. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fanOut(OutboxEvent event) {
        Optional<WebhookEventType> type = WebhookPayloads.typeOf(event.getEventType());
        if (type.isEmpty()) {
            return 0;
        }
        int made = 0;
        for (Map.Entry<Long, String> body : payloads.bodiesByOperator(event, type.get()).entrySet()) {
            for (WebhookEndpoint endpoint : em.createQuery("select e from WebhookEndpoint e"
                    + " where e.operatorId = :operator and e.enabled = true", WebhookEndpoint.class)
                    .setParameter("operator", body.getKey()).getResultList()) {
                if (endpoint.getEventTypes().contains(type.get().wireName())) {
                    made += NativeSql.query(em, "INSERT INTO webhook_delivery (id, endpoint_id, event_id,"
                                    + " event_type, ordering_key, occurred_at, body, status, next_attempt_at,"
                                    + " event_position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?9)"
                                    + " ON CONFLICT (endpoint_id, event_id) DO NOTHING",
                            "msg_" + UUID.randomUUID().toString().replace("-", ""), endpoint.getId(), event.getId(),
                            type.get().wireName(), event.getAggregateType() + ":" + event.getAggregateId(),
                            Timestamp.from(event.getOccurredAt()), body.getValue(), Timestamp.from(clock.instant()),
                            event.getPosition())
                            .executeUpdate();
                }
            }
        }
        return made;
    }

    /**
     * Claims the next due delivery of any endpoint but the busy ones, unless an earlier one of the same subscription
     * still waits.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claimNext(java.util.Set<UUID> busyEndpoints) {
        Instant now = clock.instant();
        String busy = busyEndpoints.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(","));
        List<?> rows = NativeSql.query(em, """
                SELECT d.id, d.attempts FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1 AND e.enabled
                  AND NOT (CAST(d.endpoint_id AS TEXT) = ANY (string_to_array(?2, ',')))
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery p
                                  WHERE p.endpoint_id = d.endpoint_id AND p.ordering_key = d.ordering_key
                                    AND p.status = 'PENDING' AND p.event_position < d.event_position)
                ORDER BY d.next_attempt_at
                LIMIT 1
                FOR UPDATE OF d SKIP LOCKED""", Timestamp.from(now), busy).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        String id = (String) row[0];
        int attempts = ((Number) row[1]).intValue();
        NativeSql.query(em, "UPDATE webhook_delivery SET next_attempt_at = ?2 WHERE id = ?1", id,
                Timestamp.from(now.plus(LEASE))).executeUpdate();
        Object[] delivery = (Object[]) NativeSql.query(em, "SELECT d.endpoint_id, d.body, e.traceparent"
                + " FROM webhook_delivery d LEFT JOIN outbox_event e ON e.id = d.event_id WHERE d.id = ?1", id)
                .getSingleResult();
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery[0]);
        return Optional.of(new Claimed(id, endpoint.getId(), endpoint.getUrl(),
                ((String) delivery[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                endpoint.signingSecrets(now), attempts + 1, (String) delivery[2]));
    }

    /** Puts a claimed delivery back, unattempted, due at the given time (its endpoint's circuit is open). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(Claimed claimed, Instant due) {
        NativeSql.query(em, "UPDATE webhook_delivery SET next_attempt_at = ?2 WHERE id = ?1", claimed.id(),
                Timestamp.from(due)).executeUpdate();
    }

    /** Records the attempt and what follows from it: delivered, due again later, dead, or the endpoint gone. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claimed claimed, Instant started, Outcome outcome) {
        NativeSql.query(em, "INSERT INTO webhook_attempt (delivery_id, attempt, started_at, status_code, latency_ms,"
                        + " response, error) VALUES (?1, ?2, ?3, CAST(?4 AS INT), ?5, ?6, ?7)",
                claimed.id(), claimed.attempt(), Timestamp.from(started),
                outcome.statusCode() == 0 ? null : outcome.statusCode(), (int) outcome.latency().toMillis(),
                cut(outcome.response()), cut(outcome.error())).executeUpdate();
        Instant now = clock.instant();
        if (outcome.delivered()) {
            NativeSql.query(em, "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?2, delivered_at = ?3"
                    + " WHERE id = ?1", claimed.id(), claimed.attempt(), Timestamp.from(now)).executeUpdate();
            return;
        }
        List<Duration> schedule = settings.retrySchedule();
        boolean gone = outcome.statusCode() == 410;
        if (gone) {
            em.find(WebhookEndpoint.class, claimed.endpoint()).disable(WebhookEndpoint.OFF_GONE, now);
        }
        boolean dead = gone || claimed.attempt() > schedule.size();
        failures.webhookFailed(dead);
        if (dead) {
            NativeSql.query(em, "UPDATE webhook_delivery SET status = 'DEAD', attempts = ?2 WHERE id = ?1",
                    claimed.id(), claimed.attempt()).executeUpdate();
        } else {
            NativeSql.query(em, "UPDATE webhook_delivery SET attempts = ?2, next_attempt_at = ?3 WHERE id = ?1",
                    claimed.id(), claimed.attempt(), Timestamp.from(now.plus(schedule.get(claimed.attempt() - 1))))
                    .executeUpdate();
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_RESPONSE ? text : text.substring(0, MAX_RESPONSE);
    }
}
