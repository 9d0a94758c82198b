package org.cancelportal.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;

/** An admin puts a dead delivery back in line; the audit trail records who did, in the same transaction. */
@ApplicationScoped
public class DeadDeliveryRetry {

    @Inject
    Deliveries deliveries;

    @Inject
    AuditTrail audit;

    /** @return whether the delivery was dead and is now pending again */
    @Transactional
    public boolean retry(UUID eventId, String consumer, String admin) {
        if (!deliveries.retry(eventId, consumer)) {
            return false;
        }
        audit.record(admin, Channel.SUPPORT, "DELIVERY_RETRIED", "OutboxEvent", eventId.toString(), "DEAD", "PENDING",
                "consumer " + consumer);
        return true;
    }
}
