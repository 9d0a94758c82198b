package org.cancelportal.outbox.control;

import java.util.Set;
import org.cancelportal.outbox.entity.OutboxEvent;

/**
 * Something that acts on outbox events: sends an email, schedules a survey, calls a webhook. Delivery is at least
 * once, so handling must be idempotent, keyed by the event id. Events of one subscription arrive in order.
 */
public interface OutboxConsumer {

    /** Stable name under which deliveries are recorded; never rename a consumer that has run. */
    String name();

    Set<String> eventTypes();

    /** Runs in its own transaction; throwing rolls it back and schedules a retry. */
    void handle(OutboxEvent event) throws Exception;
}
