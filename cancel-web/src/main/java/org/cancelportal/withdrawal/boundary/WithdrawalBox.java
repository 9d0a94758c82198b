package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.subscription.control.Subscriptions;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.withdrawal.control.WithdrawalPolicy;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * What the account page shows about withdrawing: for each subscription still inside its withdrawal period, the
 * function and its last moment; for one withdrawn from, the way to its confirmation. Beside the cancel box, never
 * instead of it.
 */
@Named("withdrawalBox")
@RequestScoped
public class WithdrawalBox {

    @Inject
    CurrentSubscriber currentSubscriber;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Withdrawals withdrawals;

    @Inject
    WithdrawalPolicy policy;

    @Inject
    DisplayFormat format;

    @Inject
    Clock clock;

    private Map<Long, Subscription> own;

    /** The function for this subscription, or null when it is outside its period or the right does not apply. */
    public WithdrawalOffer offer(long subscriptionId) {
        Subscription subscription = own().get(subscriptionId);
        Instant now = clock.instant();
        if (subscription == null || !policy.mayWithdraw(subscription, now)) {
            return null;
        }
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        Instant end = policy.periodEnd(subscription).orElseThrow();
        return new WithdrawalOffer(subscriptionId, format.date(subscription.getStartedAt(), zone),
                format.dateTime(end, zone), policy.days(subscription));
    }

    /** The reference of the withdrawal from this subscription, or null. */
    public String withdrawnAs(long subscriptionId) {
        return own().containsKey(subscriptionId)
                ? withdrawals.of(subscriptionId).map(Withdrawal::getReference).orElse(null) : null;
    }

    private Map<Long, Subscription> own() {
        if (own == null) {
            own = currentSubscriber.subscriberId().map(subscriptions::ofSubscriber).orElse(java.util.List.of())
                    .stream().collect(Collectors.toMap(Subscription::getId, Function.identity()));
        }
        return own;
    }
}
