package org.cancelportal.outbox.control;

import java.time.Duration;
import java.util.Set;
import org.cancelportal.outbox.entity.OutboxEvent;

/**
 * Something that acts on outbox events: sends a receipt, a survey invitation or its reminder, a reply. Delivery is at
 * least once, so handling must be idempotent, keyed by the event id. Events of one subscription arrive in order.
 */
public interface OutboxConsumer {

    /** Stable name under which deliveries are recorded; never rename a consumer that has run. */
    String name();

    Set<String> eventTypes();

    /**
     * How long after its event a delivery is first due: a survey invitation waits a while after the cancellation, a
     * reminder after the invitation. Failed attempts then back off as for every consumer.
     */
    default Duration delay() {
        return Duration.ZERO;
    }

    /** Runs in its own transaction; throwing rolls it back and schedules a retry. */
    void handle(OutboxEvent event) throws Exception;
}
