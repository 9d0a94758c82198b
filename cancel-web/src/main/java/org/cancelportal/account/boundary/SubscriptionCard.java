package org.cancelportal.account.boundary;

import java.io.Serializable;
import java.util.List;
import org.cancelportal.subscription.entity.SubscriptionStatus;

/**
 * A subscription as the account page shows it. The request key is made when the page is drawn and sent with the
 * click, so the same click arriving twice cancels once.
 */
public record SubscriptionCard(long subscriptionId, String planName, String price, SubscriptionStatus status,
                               boolean inTrial, String nextBillingDate, String accessUntil,
                               String cancellationReference, List<CancelOption> options, String dataTextKey,
                               String requestKey) implements Serializable {

    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }

    public boolean isScheduled() {
        return status == SubscriptionStatus.CANCELLATION_SCHEDULED;
    }

    public boolean isEnded() {
        return status == SubscriptionStatus.CANCELLED;
    }

    public boolean isWithdrawn() {
        return status == SubscriptionStatus.WITHDRAWN;
    }

    public boolean isSingleOption() {
        return options.size() == 1;
    }

    public CancelOption getDefaultOption() {
        return options.isEmpty() ? null : options.get(0);
    }

    public CancelOption getImmediateOption() {
        return options.stream().filter(option -> option.mode().name().equals("IMMEDIATE")).findFirst().orElse(null);
    }
}
