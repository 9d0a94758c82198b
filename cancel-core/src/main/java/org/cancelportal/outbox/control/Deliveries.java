package org.cancelportal.outbox.control;

import org.cancelportal.schema.control.NativeSql;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.privacy.control.LogRedaction;
import org.cancelportal.trace.control.TraceContext;
import io.opentelemetry.api.trace.SpanKind;

/**
 * The per-consumer delivery records. A delivery is claimed with SKIP LOCKED, so relays on several nodes share the
 * work without handling an event twice; an event waits while an earlier event of the same subscription is pending.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    /** Events that committed this much later than their timestamp are still found. */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofMinutes(10);

    /*
     * Walks the pending index in the order deliveries fell due and stops after a batch: the cost follows the batch, not
     * the outbox's history nor its backlog. A subscription's later event waits behind its earlier pending one.
     */
    static final String CLAIM = """
            SELECT d.event_id, d.attempts FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
            WHERE d.consumer = ?1 AND d.status = 'PENDING' AND d.next_attempt_at <= ?2
              AND NOT EXISTS (SELECT 1 FROM outbox_event pe JOIN outbox_delivery p ON p.event_id = pe.id
                                AND p.consumer = d.consumer AND p.status = 'PENDING'
                              WHERE pe.aggregate_type = e.aggregate_type AND pe.aggregate_id = e.aggregate_id
                                AND pe.position < e.position)
            ORDER BY d.next_attempt_at
            LIMIT ?3
            FOR UPDATE OF d SKIP LOCKED""";

    @PersistenceContext
    EntityManager em;

    @Inject
    ConsumerInvoker invoker;

    @Inject
    RelaySettings settings;

    @Inject
    Clock clock;

    @Inject
    TraceContext trace;

    /** Registers the consumer; it handles events from now on, not the history before it existed. */
    @Transactional
    public void register(OutboxConsumer consumer) {
        em.createNativeQuery("INSERT INTO outbox_consumer (name, registered_at, enrolled_until) VALUES (?1, ?2, ?2)"
                        + " ON CONFLICT (name) DO NOTHING")
                .setParameter(1, consumer.name())
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** Creates pending deliveries for the consumer's new events. */
    @Transactional
    public int enrol(OutboxConsumer consumer) {
        String types = consumer.eventTypes().stream()
                .peek(Deliveries::requirePlainName)
                .map(type -> "'" + type + "'")
                .collect(Collectors.joining(", "));
        int enrolled = em.createNativeQuery("INSERT INTO outbox_delivery (event_id, consumer, status, next_attempt_at)"
                        + " SELECT e.id, c.name, 'PENDING', e.occurred_at + make_interval(secs => ?3) FROM outbox_event e"
                        + " JOIN outbox_consumer c ON c.name = ?1"
                        + " WHERE e.event_type IN (" + types + ") AND e.occurred_at >= c.registered_at"
                        + " AND e.occurred_at >= c.enrolled_until - make_interval(secs => ?2)"
                        + " ON CONFLICT (event_id, consumer) DO NOTHING")
                .setParameter(1, consumer.name())
                .setParameter(2, LATE_COMMIT_MARGIN.toSeconds())
                .setParameter(3, consumer.delay().toMillis() / 1000.0)
                .executeUpdate();
        em.createNativeQuery("UPDATE outbox_consumer SET enrolled_until = GREATEST(enrolled_until,"
                        + " COALESCE((SELECT max(occurred_at) FROM outbox_event), enrolled_until)) WHERE name = ?1")
                .setParameter(1, consumer.name())
                .executeUpdate();
        return enrolled;
    }

    /**
     * Claims up to a batch of due deliveries, hands each event to the consumer and records each outcome, all under the
     * row locks, committed once for the batch. A crash before that commit hands the batch out again: consumers are
     * idempotent, so that stays at least once, and the record of each delivery is still written once.
     *
     * @return how many deliveries were attempted
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverBatch(OutboxConsumer consumer) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery(CLAIM)
                .setParameter(1, consumer.name())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, settings.batchSize())
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, OutboxEvent> events = eventsById(claimed.stream().map(row -> (UUID) row[0]).toList());
        for (Object[] row : claimed) {
            deliver(consumer, events.get((UUID) row[0]), ((Number) row[1]).intValue(), now);
        }
        return claimed.size();
    }

    private Map<UUID, OutboxEvent> eventsById(List<UUID> ids) {
        return em.createQuery("select e from OutboxEvent e where e.id in :ids", OutboxEvent.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(OutboxEvent::getId, Function.identity()));
    }

    private void deliver(OutboxConsumer consumer, OutboxEvent event, int failedBefore, Instant now) {
        // the trace of the request that wrote the event goes on here, and on into the email or webhook it causes
        try (TraceContext.Traced traced = trace.continueTrace("outbox " + consumer.name(), SpanKind.CONSUMER,
                event.getTraceparent())) {
            try {
                invoker.invoke(consumer, event);
                update("UPDATE outbox_delivery SET status = 'DONE', attempts = attempts + 1, handled_at = ?3,"
                        + " last_error = NULL WHERE event_id = ?1 AND consumer = ?2", event.getId(), consumer.name(),
                        now);
            } catch (Exception e) {
                traced.failed(e.getClass().getSimpleName());
                recordFailure(consumer, event, failedBefore + 1, e);
            }
        }
    }

    /** A delivery that gave up, as an admin sees it. */
    public record DeadDelivery(UUID eventId, String consumer, String eventType, String aggregate, int attempts,
                               String lastError, Instant occurredAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadDelivery> dead() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.event_id, d.consumer, e.event_type,"
                        + " e.aggregate_type || ' ' || e.aggregate_id, d.attempts, d.last_error, e.occurred_at"
                        + " FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE d.status = 'DEAD'"
                        + " ORDER BY e.occurred_at LIMIT 500")
                .getResultList();
        return rows.stream().map(row -> new DeadDelivery((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).intValue(), (String) row[5], NativeSql.instant(row[6]))).toList();
    }

    /** Puts a dead delivery back in line, for an admin who fixed its cause. */
    @Transactional
    public boolean retry(UUID eventId, String consumer) {
        return em.createNativeQuery("UPDATE outbox_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?3"
                        + " WHERE event_id = ?1 AND consumer = ?2 AND status = 'DEAD'")
                .setParameter(1, eventId).setParameter(2, consumer).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }

    /** The wait counts from this failure, not from the batch's claim: a slow batch must not cut a later send's wait short. */
    private void recordFailure(OutboxConsumer consumer, OutboxEvent event, int attempts, Exception e) {
        boolean dead = attempts >= settings.maxAttempts();
        String error = String.valueOf(e);
        LOG.log(dead ? Level.SEVERE : Level.WARNING, LogRedaction.throwable(e), () -> consumer.name() + " failed on "
                + event.getEventType() + " " + event.getId() + " of " + event.getAggregateType() + " "
                + event.getAggregateId() + " (attempt " + attempts + (dead ? ", giving up until an admin retries it)"
                : ", will retry)"));
        em.createNativeQuery("UPDATE outbox_delivery SET status = ?3, attempts = ?4, next_attempt_at = ?5,"
                        + " last_error = ?6 WHERE event_id = ?1 AND consumer = ?2")
                .setParameter(1, event.getId())
                .setParameter(2, consumer.name())
                .setParameter(3, dead ? "DEAD" : "PENDING")
                .setParameter(4, attempts)
                .setParameter(5, Timestamp.from(clock.instant().plus(settings.backoffAfter(attempts))))
                .setParameter(6, error.length() > 2000 ? error.substring(0, 2000) : error)
                .executeUpdate();
    }

    private void update(String sql, UUID eventId, String consumer, Instant at) {
        em.createNativeQuery(sql).setParameter(1, eventId).setParameter(2, consumer)
                .setParameter(3, Timestamp.from(at)).executeUpdate();
    }

    private static void requirePlainName(String type) {
        if (!type.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Event type names are letters, digits and _: " + type);
        }
    }
}
