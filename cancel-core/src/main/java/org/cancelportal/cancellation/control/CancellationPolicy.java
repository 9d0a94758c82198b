package org.cancelportal.cancellation.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;

/**
 * The operator's cancellation rules. Built from configuration by {@link PolicyConfiguration}; pure logic otherwise,
 * so every rule is tested without a server.
 */
public record CancellationPolicy(CancellationMode defaultMode, boolean immediateOffered, RefundRule refundRule,
                                 int fullRefundDays, boolean undoAllowed, DataHandling dataHandling) {

    /** The modes a subscriber may choose from, the default first. */
    public List<CancellationMode> offeredModes() {
        List<CancellationMode> modes = new ArrayList<>();
        modes.add(defaultMode);
        if (immediateOffered && defaultMode != CancellationMode.IMMEDIATE) {
            modes.add(CancellationMode.IMMEDIATE);
        }
        return List.copyOf(modes);
    }

    public boolean offers(CancellationMode mode) {
        return offeredModes().contains(mode);
    }

    /**
     * At the end of the period, access lasts until the period's end; if billing has not yet reported a renewal and
     * that end has passed, the cancellation takes effect now: nothing beyond it was paid for.
     */
    public CancellationTerms terms(Subscription subscription, CancellationMode mode, Instant now) {
        Instant periodEnd = subscription.getCurrentPeriodEnd();
        Instant accessUntil = mode == CancellationMode.IMMEDIATE || periodEnd.isBefore(now) ? now : periodEnd;
        return new CancellationTerms(mode, accessUntil, refund(subscription, mode, now), dataHandling);
    }

    /**
     * Only an immediate cancellation gives money back: at the end of the period the subscriber has had what they paid
     * for. Days are calendar days in the subscriber's own time zone, as they would count them; the day of cancelling
     * counts as unused, in the subscriber's favour.
     */
    public Money refund(Subscription subscription, CancellationMode mode, Instant now) {
        Money charged = subscription.amountChargedForCurrentPeriod();
        Money none = Money.zero(charged.currency());
        if (mode != CancellationMode.IMMEDIATE || charged.isZero()) {
            return none;
        }
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        LocalDate today = localDate(now, zone);
        LocalDate periodStart = localDate(subscription.getCurrentPeriodStart(), zone);
        LocalDate periodEnd = localDate(subscription.getCurrentPeriodEnd(), zone);
        return switch (refundRule) {
            case NONE -> none;
            case FULL_WITHIN_DAYS -> ChronoUnit.DAYS.between(periodStart, today) < fullRefundDays ? charged : none;
            case PRORATED -> prorated(charged, periodStart, periodEnd, today);
        };
    }

    public boolean mayUndo(Cancellation cancellation, Instant now) {
        return undoAllowed && !cancellation.isUndone() && !cancellation.hasTakenEffect(now);
    }

    private static Money prorated(Money charged, LocalDate periodStart, LocalDate periodEnd, LocalDate today) {
        long periodDays = ChronoUnit.DAYS.between(periodStart, periodEnd);
        if (periodDays <= 0) {
            return Money.zero(charged.currency());
        }
        long unusedDays = Math.max(0, Math.min(periodDays, ChronoUnit.DAYS.between(today, periodEnd)));
        return charged.fraction(unusedDays, periodDays);
    }

    private static LocalDate localDate(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
