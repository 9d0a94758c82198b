package org.cancelportal.withdrawal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cancelportal.cancellation.boundary.RefundWording;
import org.cancelportal.identity.boundary.CurrentSubscriber;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.PageMessages;
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
    Withdrawals withdrawals;

    @Inject
    WithdrawalPolicy policy;

    @Inject
    DisplayFormat format;

    @Inject
    Refunds refunds;

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

    /** Where the refund of the withdrawal from this subscription stands, in a line, or null when none is owed. */
    public String refundOf(long subscriptionId) {
        Subscription subscription = own().get(subscriptionId);
        if (subscription == null) {
            return null;
        }
        LocalizedFormat formats = new LocalizedFormat(format.locale(), subscription.getSubscriber().getTimeZone());
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, format.locale());
        return withdrawals.of(subscriptionId).flatMap(refunds::of)
                .map(refund -> RefundWording.of(refund.getAmount(), Optional.of(refund), words, formats).summary())
                .orElse(null);
    }

    private Map<Long, Subscription> own() {
        if (own == null) {
            own = currentSubscriber.subscriptions().stream()
                    .collect(Collectors.toMap(Subscription::getId, Function.identity()));
        }
        return own;
    }
}
