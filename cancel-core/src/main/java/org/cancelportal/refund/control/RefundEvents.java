package org.cancelportal.refund.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.refund.entity.Refund;

/**
 * The outbox events of a refund (a cancellation's or a withdrawal's, as "kind" says), under the subscription's aggregate, so that they take their place in the order of
 * that subscription's other events. Ids and facts only: the operator's failure reason may name the person's bank, so
 * a consumer that needs it reads the refund.
 */
@ApplicationScoped
public class RefundEvents {

    public static final String DUE = "RefundDue";
    public static final String PAID = "RefundPaid";
    public static final String FAILED = "RefundFailed";
    public static final String OVERDUE = "RefundOverdue";

    @Inject
    Outbox outbox;

    void publish(String type, Refund refund) {
        JsonObjectBuilder payload = Json.createObjectBuilder()
                .add("reference", refund.getReference())
                .add("kind", refund.getKind().name())
                .add("subscriptionId", refund.getSubscription().getId())
                .add("subscriberId", refund.getSubscription().getSubscriber().getId())
                .add("status", refund.getStatus().name())
                .add("amount", refund.getAmount().amount())
                .add("currency", refund.getAmount().currency().getCurrencyCode())
                .add("dueSince", refund.getDueSince().toString())
                .add("dueBy", refund.getDueBy().toString());
        if (refund.getOverdueSince() != null) {
            payload.add("overdueSince", refund.getOverdueSince().toString());
        }
        if (refund.getPaidOn() != null) {
            payload.add("paidOn", refund.getPaidOn().toString());
        }
        outbox.publish(CancellationEvents.AGGREGATE, refund.getSubscription().getId(), type, payload.build());
    }
}
