package org.cancelportal.withdrawal.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.RefundBasis;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;

/**
 * The right of withdrawal: which contracts have it, until when, and what comes back. Pure rules, so each is tested
 * without a server. Days are calendar days in the subscriber's own time zone, as they would count them.
 *
 * @param defaultDays the period of a plan that names none; 0 means such plans have no right of withdrawal
 */
public record WithdrawalPolicy(int defaultDays) {

    public static final int MAX_DAYS = 366;

    /** The days of the right on this subscription's plan; 0 when it does not apply. */
    public int days(Subscription subscription) {
        Integer planDays = subscription.getPlan().getWithdrawalDays();
        return planDays == null ? defaultDays : planDays;
    }

    /**
     * The moment the period ends: the period starts when the contract is concluded and runs to the end of its last
     * day, so a contract made at 23:50 still gets its full days. Empty when the right does not apply.
     */
    public Optional<Instant> periodEnd(Subscription subscription) {
        int days = days(subscription);
        if (days <= 0) {
            return Optional.empty();
        }
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        LocalDate concluded = LocalDate.ofInstant(subscription.getStartedAt(), zone);
        return Optional.of(concluded.plusDays(days + 1L).atStartOfDay(zone).toInstant());
    }

    /** Whether a withdrawal received at this moment is in time, and the contract is still there to withdraw from. */
    public boolean mayWithdraw(Subscription subscription, Instant receivedAt) {
        return subscription.isWithdrawable() && isWithinPeriod(subscription, receivedAt);
    }

    public boolean isWithinPeriod(Subscription subscription, Instant receivedAt) {
        return periodEnd(subscription).map(receivedAt::isBefore).orElse(false)
                && !receivedAt.isBefore(subscription.getStartedAt());
    }

    /**
     * Everything paid comes back. Only where the consumer asked for the service to start within the period is the part
     * already used kept back, by whole days since the period began (the day of withdrawing counts as not used, in the
     * consumer's favour). A free trial cost nothing, so nothing comes back.
     */
    public WithdrawalRefund refund(Subscription subscription, Instant receivedAt) {
        Money paid = subscription.amountChargedForCurrentPeriod();
        ZoneId zone = subscription.getSubscriber().getTimeZone();
        LocalDate periodStart = LocalDate.ofInstant(subscription.getCurrentPeriodStart(), zone);
        LocalDate periodEnd = LocalDate.ofInstant(subscription.getCurrentPeriodEnd(), zone);
        int periodDays = (int) Math.max(1, ChronoUnit.DAYS.between(periodStart, periodEnd));
        int daysUsed = (int) Math.max(0, Math.min(periodDays,
                ChronoUnit.DAYS.between(periodStart, LocalDate.ofInstant(receivedAt, zone))));
        if (paid.isZero()) {
            return new WithdrawalRefund(paid, paid, RefundBasis.NOTHING_PAID, daysUsed, periodDays);
        }
        if (!subscription.isServiceStartRequested()) {
            return new WithdrawalRefund(paid, paid, RefundBasis.FULL, daysUsed, periodDays);
        }
        return new WithdrawalRefund(paid, paid.fraction(periodDays - daysUsed, periodDays), RefundBasis.PROPORTIONAL,
                daysUsed, periodDays);
    }
}
