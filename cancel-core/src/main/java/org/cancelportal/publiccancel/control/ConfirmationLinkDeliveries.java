package org.cancelportal.publiccancel.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.schema.control.NativeSql;

/**
 * When the email with a confirmation link actually left: the moment its consumer handed it to the mail server (its
 * outbox delivery is DONE), not the moment it was queued. For the support desk, which says whether a link was sent.
 */
@ApplicationScoped
@Transactional
public class ConfirmationLinkDeliveries {

    @PersistenceContext
    EntityManager em;

    /** Empty while the email has not been sent (still queued, retrying, or given up). */
    public Optional<Instant> sentAt(String aggregateType, long aggregateId, String eventType, String consumer) {
        return NativeSql.query(em, "SELECT d.handled_at FROM outbox_event e"
                                + " JOIN outbox_delivery d ON d.event_id = e.id"
                                + " WHERE e.aggregate_type = ?1 AND e.aggregate_id = ?2 AND e.event_type = ?3"
                                + " AND d.consumer = ?4 AND d.status = 'DONE' ORDER BY d.handled_at LIMIT 1",
                        aggregateType, String.valueOf(aggregateId), eventType, consumer)
                .getResultStream().findFirst().map(NativeSql::instant);
    }
}
