package org.cancelportal.outbox.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.cancelportal.outbox.control.DeadDeliveryRetry;
import org.cancelportal.outbox.control.Deliveries;
import org.cancelportal.web.PageMessages;

/** /admin/deliveries: what the relays gave up on, and a button to try each again once its cause is fixed. */
@Named("deadDeliveries")
@RequestScoped
public class DeadDeliveriesPage {

    @Inject
    Deliveries deliveries;

    @Inject
    DeadDeliveryRetry retry;

    @Inject
    SecurityContext security;

    @Inject
    PageMessages messages;

    private List<Deliveries.DeadDelivery> rows;

    public List<Deliveries.DeadDelivery> getRows() {
        if (rows == null) {
            rows = deliveries.dead();
        }
        return rows;
    }

    @RolesAllowed("admin")
    public void retry(String eventId, String consumer) {
        if (retry.retry(UUID.fromString(eventId), consumer, security.getCallerPrincipal().getName())) {
            messages.info("admin.deliveries.retried");
        }
        rows = null;
    }
}
