package org.cancelportal.account.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.cancellation.control.CancellationTerms;
import org.cancelportal.cancellation.control.Cancellations;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.control.Subscriptions;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.PageMessages;

/** Turns a subscriber's subscriptions and the policy into the cards of the account page, in the page's words. */
@RequestScoped
public class SubscriptionCards {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Cancellations cancellations;

    @Inject
    CancellationPolicy policy;

    @Inject
    DisplayFormat format;

    @Inject
    PageMessages messages;

    @Inject
    Clock clock;

    public List<SubscriptionCard> of(long subscriberId) {
        return of(subscriberId, subscriptions.ofSubscriber(subscriberId));
    }

    /** The cards of these subscriptions, which are the subscriber's and already read. */
    public List<SubscriptionCard> of(long subscriberId, List<Subscription> theirs) {
        Instant now = clock.instant();
        Map<Long, Cancellation> inForce = cancellations.inForceForSubscriber(subscriberId).stream()
                .collect(Collectors.toMap(c -> c.getSubscription().getId(), Function.identity()));
        return theirs.stream()
                .map(subscription -> card(subscription, inForce.get(subscription.getId()), now))
                .toList();
    }

    private SubscriptionCard card(Subscription subscription, Cancellation cancellation, Instant now) {
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        boolean active = cancellation == null;
        List<CancelOption> options = active
                ? policy.offeredModes().stream().map(mode -> option(subscription, mode, now, zone)).toList()
                : List.of();
        return new SubscriptionCard(subscription.getId(), subscription.getPlan().getName(), price(subscription),
                subscription.getStatus(), subscription.isInTrial(now),
                format.date(subscription.getCurrentPeriodEnd(), zone),
                active ? null : format.dateTime(cancellation.getEffectiveAt(), zone),
                active ? null : cancellation.getReference(), options, policy.dataHandling().textKey(),
                UUID.randomUUID().toString());
    }

    private CancelOption option(Subscription subscription, CancellationMode mode, Instant now, ZoneId zone) {
        CancellationTerms terms = policy.terms(subscription, mode, now);
        String refund = format.money(terms.refund());
        String label = switch (mode) {
            case END_OF_PERIOD -> policy.offeredModes().size() == 1
                    ? messages.text("cancel.button.single") : messages.text("cancel.button.end-of-period");
            case IMMEDIATE -> terms.refund().isZero()
                    ? messages.text("cancel.button.now") : messages.text("cancel.button.now-with-refund", refund);
        };
        return new CancelOption(mode, label, format.dateTime(terms.accessUntil(), zone), terms.refund(), refund,
                !terms.refund().isZero());
    }

    private String price(Subscription subscription) {
        String amount = format.money(subscription.currentPrice());
        return messages.text(subscription.getPlan().getBillingPeriod() == BillingPeriod.MONTHLY
                ? "price.per-month" : "price.per-year", amount);
    }
}
