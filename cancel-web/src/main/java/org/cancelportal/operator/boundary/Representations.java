package org.cancelportal.operator.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.Withdrawal;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;

/**
 * What the API shows of our records: the operator's own ids, never our internal ones, and times in UTC. A
 * subscription carries the cancellation in force for it, if any, so the operator's billing knows when to stop.
 */
final class Representations {

    private Representations() {
    }

    static JsonObject subscriber(Subscriber subscriber) {
        return Json.createObjectBuilder()
                .add("id", subscriber.getExternalId())
                .add("email", subscriber.getEmail())
                .add("name", subscriber.getName())
                .add("locale", subscriber.getLocale().toLanguageTag())
                .add("time_zone", subscriber.getTimeZone().getId())
                .add("country", subscriber.getCountry() == null ? JsonValue.NULL : Json.createValue(subscriber.getCountry()))
                .build();
    }

    static JsonObject subscription(Subscription subscription, Cancellation inForce) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", subscription.getExternalReference())
                .add("subscriber", subscription.getSubscriber().getExternalId())
                .add("plan", subscription.getPlan().getCode())
                .add("status", subscription.getStatus().name())
                .add("started_at", subscription.getStartedAt().toString())
                .add("current_period_start", subscription.getCurrentPeriodStart().toString())
                .add("current_period_end", subscription.getCurrentPeriodEnd().toString());
        time(json, "trial_ends_at", subscription.getTrialEndsAt());
        json.add("service_start_requested", subscription.isServiceStartRequested());
        if (inForce == null || inForce.isSuperseded()) {
            // a cancellation a withdrawal took the place of is no longer the subscription's: "withdrawal" says why
            json.addNull("cancellation");
        } else {
            json.add("cancellation", cancellation(inForce));
        }
        return json.build();
    }

    static JsonObject cancellation(Cancellation cancellation) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", cancellation.getReference())
                .add("subscription", cancellation.getSubscription().getExternalReference())
                .add("requested_at", cancellation.getRequestedAt().toString())
                .add("effective_at", cancellation.getEffectiveAt().toString())
                .add("mode", cancellation.getMode().name())
                .add("channel", cancellation.getChannel().name())
                .add("refund", money(cancellation.getRefund()));
        time(json, "undone_at", cancellation.getUndoneAt());
        text(json, "superseded_by_withdrawal", cancellation.getSupersededBy());
        time(json, "superseded_at", cancellation.getSupersededAt());
        return json.build();
    }

    /** A withdrawal, apart from cancellations: received when, ended when, and the refund it owes with its basis. */
    static JsonObject withdrawal(Withdrawal withdrawal) {
        WithdrawalRefund refund = withdrawal.getRefund();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", withdrawal.getReference())
                .add("subscription", withdrawal.getSubscription().getExternalReference())
                .add("received_at", withdrawal.getReceivedAt().toString())
                .add("ended_at", withdrawal.getCarriedOutAt().toString())
                .add("channel", withdrawal.getChannel().name())
                .add("refund", Json.createObjectBuilder(money(refund.refund()))
                        .add("paid", money(refund.paid()).getString("amount"))
                        .add("basis", refund.basis().name().toLowerCase(java.util.Locale.ROOT))
                        .add("days_used", refund.daysUsed())
                        .add("period_days", refund.periodDays()));
        text(json, "superseded_cancellation", withdrawal.getSupersededCancellation());
        return json.build();
    }

    /** The subscription's representation with its withdrawal (null while there is none). */
    static JsonObject withWithdrawal(JsonObject subscription, Withdrawal withdrawal) {
        JsonObjectBuilder json = Json.createObjectBuilder(subscription);
        if (withdrawal == null) {
            json.addNull("withdrawal");
        } else {
            json.add("withdrawal", withdrawal(withdrawal));
        }
        return json.build();
    }

    static JsonObject refund(Refund refund) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("reference", refund.getReference())
                .add("belongs_to", refund.getKind().name().toLowerCase(java.util.Locale.ROOT))
                .add("status", refund.getStatus().name().toLowerCase(java.util.Locale.ROOT))
                .add("amount", money(refund.getAmount()))
                .add("due_since", refund.getDueSince().toString())
                .add("due_by", refund.getDueBy().toString());
        time(json, "overdue_since", refund.getOverdueSince());
        if (refund.getPaidOn() == null) {
            json.addNull("paid_on");
        } else {
            json.add("paid_on", refund.getPaidOn().toString());
        }
        text(json, "payment_reference", refund.getPaymentReference());
        text(json, "failure_reason", refund.getFailureReason());
        time(json, "confirmed_at", refund.getConfirmedAt());
        return json.build();
    }

    static <T> JsonObject page(List<T> items, Long nextAfter, Function<T, JsonObject> item) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(each -> array.add(item.apply(each)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", array);
        if (nextAfter == null) {
            json.addNull("next_cursor");
        } else {
            json.add("next_cursor", String.valueOf(nextAfter));
        }
        return json.build();
    }

    private static JsonObject money(Money money) {
        return Json.createObjectBuilder().add("amount", money.amount().stripTrailingZeros().toPlainString())
                .add("currency", money.currency().getCurrencyCode()).build();
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder json, String name, Instant value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }
}
