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
 *
 * <p>Nobody has to prove who they are on the public form, so only what the account's owner can take back is carried
 * out on the form's word alone: a cancellation at the end of the period that may be undone until then. Anything that
 * would end access now, or could not be undone, waits for the owner to follow a link sent to the account's own
 * address (or for support).
 */
public final class AutomaticCancellation {

    private AutomaticCancellation() {
    }

    /** What becomes of a declaration that names one subscription. */
    public enum Route {
        /** Carried out at once: it can be undone until it takes effect, and the owner's receipt says how. */
        CARRY_OUT,
        /** Waits for the confirmation link sent to the account's own address: it would end access now, for good. */
        CONFIRM_BY_LINK,
        /** A support agent decides. */
        SUPPORT
    }

    /** The route and, unless support decides, the mode to cancel in. */
    public record Decision(Route route, CancellationMode mode) {

        static Decision support() {
            return new Decision(Route.SUPPORT, null);
        }
    }

    /** How a declaration that names this subscription for certain is handled. */
    public static Decision decide(DeclarationKind kind, LocalDate desiredEnd, CancellationPolicy policy,
                                  Subscription subscription, Instant now) {
        return modeFor(kind, desiredEnd, policy, subscription, now)
                .map(mode -> new Decision(undoable(policy, subscription, mode, now) ? Route.CARRY_OUT
                        : Route.CONFIRM_BY_LINK, mode))
                .orElseGet(Decision::support);
    }

    /**
     * What the sender can be told before anyone knows whether the details match: the route a declaration of this
     * kind takes under this policy when they do. (A matched subscription may still need the link, when its paid
     * period has already run out; the page says so in general words.)
     */
    public static Route expectedRoute(DeclarationKind kind, CancellationPolicy policy) {
        CancellationMode mode = kind == DeclarationKind.ORDINARY ? policy.defaultMode() : CancellationMode.IMMEDIATE;
        if (!policy.offers(mode)) {
            return Route.SUPPORT;
        }
        return mode == CancellationMode.END_OF_PERIOD && policy.undoAllowed() ? Route.CARRY_OUT
                : Route.CONFIRM_BY_LINK;
    }

    /** Access goes on after now, and the policy lets the owner take the cancellation back until then. */
    static boolean undoable(CancellationPolicy policy, Subscription subscription, CancellationMode mode,
                            Instant now) {
        return mode == CancellationMode.END_OF_PERIOD && policy.undoAllowed()
                && policy.terms(subscription, mode, now).accessUntil().isAfter(now);
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
