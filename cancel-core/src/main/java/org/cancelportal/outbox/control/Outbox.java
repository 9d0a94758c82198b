package org.cancelportal.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.trace.control.TraceContext;

/**
 * Announces a change to whoever consumes the outbox (receipt email, survey invitation and reminder, replies).
 * Mandatory transaction: an event must never exist without its change, nor a change without its event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TraceContext trace;

    public OutboxEvent publish(String aggregateType, Object aggregateId, String eventType, JsonObject payload) {
        long position = ((Number) em.createNativeQuery("SELECT nextval('outbox_event_position_seq')")
                .getSingleResult()).longValue();
        OutboxEvent event = new OutboxEvent(aggregateType, String.valueOf(aggregateId), eventType,
                payload.toString(), clock.instant(), position);
        trace.current().ifPresent(event::tracedBy);
        em.persist(event);
        return event;
    }
}
