package org.cancelportal.publiccancel.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.subscription.entity.Subscription;

/**
 * Whether a matched declaration can be carried out at once, and how, without promising more than the policy does.
 * Ordinary: the policy's default way, at the next possible date. Extraordinary: right away, if the policy offers
 * that to everyone anyway; otherwise a person weighs the reason. A wished end after the date the policy gives would
 * mean another paid period, which the portal cannot promise: a person handles it. A wished end before that date is
 * met as closely as the contract allows: at the policy's date.
 */
public final class AutomaticCancellation {

    private AutomaticCancellation() {
    }

    /** The mode to cancel in right now, or empty when a support agent has to decide. */
    public static Optional<CancellationMode> modeFor(DeclarationKind kind, LocalDate desiredEnd,
                                                     CancellationPolicy policy, Subscription subscription,
                                                     Instant now) {
        CancellationMode mode = kind == DeclarationKind.ORDINARY ? policy.defaultMode() : CancellationMode.IMMEDIATE;
        if (!policy.offers(mode)) {
            return Optional.empty();
        }
        if (desiredEnd != null && desiredEnd.isAfter(lastDayOfAccess(policy, subscription, mode, now))) {
            return Optional.empty();
        }
        return Optional.of(mode);
    }

    /** Access that ends at midnight ends with the day before, as the receipt says it. */
    static LocalDate lastDayOfAccess(CancellationPolicy policy, Subscription subscription, CancellationMode mode,
                                     Instant now) {
        Instant accessUntil = policy.terms(subscription, mode, now).accessUntil();
        return accessUntil.minusNanos(1).atZone(subscription.getSubscriber().getTimeZone()).toLocalDate();
    }
}
