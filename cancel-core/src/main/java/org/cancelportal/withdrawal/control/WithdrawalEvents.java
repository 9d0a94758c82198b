package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;

/**
 * The outbox event of a withdrawal, on the subscription's aggregate so it is handled in order with the subscription's
 * cancellation events. Ids and facts only, no personal data, like the cancellation events.
 */
@ApplicationScoped
public class WithdrawalEvents {

    public static final String WITHDRAWN = "SubscriptionWithdrawn";

    @Inject
    Outbox outbox;

    public void withdrawn(Withdrawal withdrawal) {
        outbox.publish(CancellationEvents.AGGREGATE, withdrawal.getSubscription().getId(), WITHDRAWN,
                payload(withdrawal));
    }

    static JsonObject payload(Withdrawal w) {
        WithdrawalRefund refund = w.getRefund();
        var builder = Json.createObjectBuilder()
                .add("reference", w.getReference())
                .add("subscriptionId", w.getSubscription().getId())
                .add("subscriberId", w.getSubscription().getSubscriber().getId())
                .add("planCode", w.getSubscription().getPlan().getCode())
                .add("channel", w.getChannel().name())
                .add("receivedAt", w.getReceivedAt().toString())
                .add("carriedOutAt", w.getCarriedOutAt().toString())
                .add("refund", Json.createObjectBuilder()
                        .add("amount", refund.refund().amount())
                        .add("currency", refund.refund().currency().getCurrencyCode())
                        .add("paid", refund.paid().amount())
                        .add("basis", refund.basis().name())
                        .add("daysUsed", refund.daysUsed())
                        .add("periodDays", refund.periodDays()));
        if (w.getSubscription().getExternalReference() != null) {
            builder.add("externalReference", w.getSubscription().getExternalReference());
        }
        if (w.getSupersededCancellation() != null) {
            builder.add("supersededCancellation", w.getSupersededCancellation());
        }
        return builder.build();
    }
}
