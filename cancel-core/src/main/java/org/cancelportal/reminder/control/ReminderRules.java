package org.cancelportal.reminder.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.cancelportal.subscription.entity.BillingPeriod;

/**
 * Which reminders and notices a subscriber is owed, and on which day: pure rules over the configured windows (see
 * {@link ReminderSettings}). Days are the subscriber's own calendar days. Where several jurisdictions' rules apply
 * (no country known), a notice goes out on a day inside every one of their windows: the latest day any window opens,
 * which gives the subscriber the most time and still meets the window that closes first.
 */
public final class ReminderRules {

    /** What to do about a notice today. */
    public enum Timing {
        /** Its window has not opened yet. */
        NOT_YET,
        /** Inside its window. */
        SEND,
        /** Its window has closed but its date has not come: better told late than not at all, and marked late. */
        SEND_LATE,
        /** Its date has gone by; nothing is sent. */
        PASSED
    }

    public record Decision(Timing timing, LocalDate sendOn, LocalDate windowCloses) {
    }

    private final Map<Jurisdiction, NoticeWindow> beforeCharge;
    private final Map<Jurisdiction, NoticeWindow> beforePriceChange;
    private final NoticeWindow coolingOffNotice;

    /**
     * @param beforeCharge      per jurisdiction (US, UK, ELSEWHERE), before a trial converts or a plan renews
     * @param beforePriceChange per jurisdiction, before a new price applies
     * @param coolingOffNotice  the UK's notice after a trial or a long renewal (negative days: after the date)
     * @throws IllegalArgumentException a jurisdiction without windows, or windows with no day in common
     */
    public ReminderRules(Map<Jurisdiction, NoticeWindow> beforeCharge, Map<Jurisdiction, NoticeWindow> beforePriceChange,
                         NoticeWindow coolingOffNotice) {
        this.beforeCharge = new EnumMap<>(beforeCharge);
        this.beforePriceChange = new EnumMap<>(beforePriceChange);
        this.coolingOffNotice = coolingOffNotice;
        for (NoticeKind kind : NoticeKind.values()) {
            if (window(Jurisdiction.UNKNOWN, kind).isEmpty()) {
                throw new IllegalArgumentException("The reminder windows for " + kind + " have no day in common, so"
                        + " a subscriber without a country could not be told in time under every rule");
            }
        }
    }

    /** The UK's own notices apply in the UK, and wherever we cannot tell; the others apply everywhere. */
    public static boolean applies(Jurisdiction jurisdiction, NoticeKind kind) {
        boolean ukOnly = kind == NoticeKind.UK_SIX_MONTHLY || kind == NoticeKind.UK_COOLING_OFF;
        return !ukOnly || jurisdiction == Jurisdiction.UK || jurisdiction == Jurisdiction.UNKNOWN;
    }

    /** The days a notice may go out in: the jurisdiction's window, or the days all applicable windows share. */
    public Optional<NoticeWindow> window(Jurisdiction jurisdiction, NoticeKind kind) {
        if (!applies(jurisdiction, kind)) {
            return Optional.empty();
        }
        if (kind == NoticeKind.UK_COOLING_OFF) {
            return Optional.of(coolingOffNotice);
        }
        Map<Jurisdiction, NoticeWindow> windows = kind == NoticeKind.PRICE_CHANGE ? beforePriceChange : beforeCharge;
        Optional<NoticeWindow> shared = Optional.empty();
        for (Jurisdiction each : jurisdiction.rulesToMeet()) {
            if (!applies(each, kind)) {
                continue;
            }
            NoticeWindow own = windows.get(each);
            if (own == null) {
                throw new IllegalArgumentException("No reminder window configured for " + each);
            }
            shared = shared.isEmpty() ? Optional.of(own) : shared.get().meeting(own);
            if (shared.isEmpty()) {
                return shared;
            }
        }
        return shared;
    }

    /** Whether, and how, a notice about {@code date} is sent {@code now}, both on the subscriber's calendar. */
    public Optional<Decision> decide(Jurisdiction jurisdiction, NoticeKind kind, Instant date, Instant now,
                                     ZoneId zone) {
        return decide(jurisdiction, kind, day(date, zone), day(now, zone));
    }

    public Optional<Decision> decide(Jurisdiction jurisdiction, NoticeKind kind, LocalDate date, LocalDate today) {
        return window(jurisdiction, kind).map(window -> {
            LocalDate sendOn = window.opensOn(date);
            LocalDate closes = window.closesOn(date);
            Timing timing;
            if (today.isBefore(sendOn)) {
                timing = Timing.NOT_YET;
            } else if (!today.isAfter(closes)) {
                timing = Timing.SEND;
            } else if (!kind.afterTheDate() && today.isBefore(date)) {
                timing = Timing.SEND_LATE;
            } else {
                timing = Timing.PASSED;
            }
            return new Decision(timing, sendOn, closes);
        });
    }

    /**
     * The reminder a coming charge calls for: the end of a free trial, the renewal of a yearly plan, or (UK) every
     * sixth month of a plan that renews more often.
     */
    public static Optional<NoticeKind> beforeCharge(Jurisdiction jurisdiction, boolean trialEnds, BillingPeriod period,
                                                    LocalDate started, LocalDate charge) {
        if (trialEnds) {
            return Optional.of(NoticeKind.TRIAL_CONVERSION);
        }
        if (period == BillingPeriod.YEARLY) {
            return Optional.of(NoticeKind.ANNUAL_RENEWAL);
        }
        if (applies(jurisdiction, NoticeKind.UK_SIX_MONTHLY) && isSixMonthly(started, charge)) {
            return Optional.of(NoticeKind.UK_SIX_MONTHLY);
        }
        return Optional.empty();
    }

    /** The UK's cooling-off notice follows a trial that became paid, and the renewal of a plan of 12 months or more. */
    public static boolean coolingOffAfter(Jurisdiction jurisdiction, boolean trialConverted, boolean yearlyRenewed) {
        return applies(jurisdiction, NoticeKind.UK_COOLING_OFF) && (trialConverted || yearlyRenewed);
    }

    /**
     * True when the charge falls 6, 12, 18… months after the start. A start on the 31st renews on the last day of
     * shorter months (31 August → 28 or 29 February), so the month before counts as well.
     */
    static boolean isSixMonthly(LocalDate started, LocalDate charge) {
        long months = ChronoUnit.MONTHS.between(started, charge);
        for (long candidate = months; candidate <= months + 1; candidate++) {
            if (candidate > 0 && candidate % 6 == 0 && started.plusMonths(candidate).equals(charge)) {
                return true;
            }
        }
        return false;
    }

    public static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
