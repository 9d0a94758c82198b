package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.outbox.control.Outbox;

/**
 * The outbox events of the cancellation lifecycle. Payloads carry ids and facts, no personal data: a consumer that
 * needs the email address looks it up, so erasing a person never has to rewrite the event history.
 */
@ApplicationScoped
public class CancellationEvents {

    public static final String AGGREGATE = "Subscription";
    public static final String CANCELLED = "SubscriptionCancelled";
    public static final String UNDONE = "CancellationUndone";
    public static final String ENDED = "SubscriptionEnded";

    @Inject
    Outbox outbox;

    public void cancelled(Cancellation cancellation) {
        publish(CANCELLED, cancellation);
    }

    public void undone(Cancellation cancellation) {
        publish(UNDONE, cancellation);
    }

    public void ended(Cancellation cancellation) {
        publish(ENDED, cancellation);
    }

    private void publish(String type, Cancellation cancellation) {
        outbox.publish(AGGREGATE, cancellation.getSubscription().getId(), type, payload(cancellation));
    }

    private static JsonObject payload(Cancellation c) {
        var builder = Json.createObjectBuilder()
                .add("reference", c.getReference())
                .add("subscriptionId", c.getSubscription().getId())
                .add("subscriberId", c.getSubscription().getSubscriber().getId())
                .add("planCode", c.getSubscription().getPlan().getCode())
                .add("mode", c.getMode().name())
                .add("channel", c.getChannel().name())
                .add("requestedAt", c.getRequestedAt().toString())
                .add("effectiveAt", c.getEffectiveAt().toString())
                .add("refund", Json.createObjectBuilder()
                        .add("amount", c.getRefund().amount())
                        .add("currency", c.getRefund().currency().getCurrencyCode()));
        if (c.getSubscription().getExternalReference() != null) {
            builder.add("externalReference", c.getSubscription().getExternalReference());
        }
        if (c.getUndoneAt() != null) {
            builder.add("undoneAt", c.getUndoneAt().toString());
        }
        return builder.build();
    }
}
