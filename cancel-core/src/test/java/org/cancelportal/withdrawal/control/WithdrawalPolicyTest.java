package org.cancelportal.withdrawal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.withdrawal.entity.RefundBasis;
import org.cancelportal.withdrawal.entity.WithdrawalRefund;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WithdrawalPolicyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Subscriber ANN = new Subscriber("ann@example.com", "Ann", Locale.GERMANY, ZoneOffset.UTC);
    private static final Subscriber BERTA = new Subscriber("berta@example.com", "Berta", Locale.GERMANY, BERLIN);
    private static final WithdrawalPolicy POLICY = new WithdrawalPolicy(14);

    private static Instant utc(String dateTime) {
        return LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    }

    private static Instant midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Concluded at the start of the period, which runs from periodStart to periodEnd. */
    private static Subscription subscription(Subscriber who, String price, String periodStart, String periodEnd) {
        Plan plan = new Plan("basic", "Basic", Money.of(price.split(" ")[0], price.split(" ")[1]),
                BillingPeriod.MONTHLY);
        return new Subscription(who, plan, midnight(periodStart), midnight(periodStart), midnight(periodEnd));
    }

    /** February 2024, a leap month: 29 days. */
    private static Subscription february(String price, boolean startRequested) {
        Subscription subscription = subscription(ANN, price, "2024-02-01", "2024-03-01");
        subscription.setServiceStartRequested(startRequested);
        return subscription;
    }

    @Test
    void thePeriodRunsToTheEndOfItsLastDayInTheSubscribersZone() {
        Subscription late = new Subscription(BERTA, new Plan("p", "P", Money.of("10", "EUR"), BillingPeriod.MONTHLY),
                utc("2025-03-03T22:50:00"), utc("2025-03-03T22:50:00"), utc("2025-04-03T22:50:00"));
        // concluded at 23:50 in Berlin on 3 March: the 14 days are 4 to 17 March, to midnight in Berlin
        Instant end = LocalDate.parse("2025-03-18").atStartOfDay(BERLIN).toInstant();
        assertEquals(Optional.of(end), POLICY.periodEnd(late));
        assertTrue(POLICY.mayWithdraw(late, end.minusSeconds(1)));
        assertFalse(POLICY.mayWithdraw(late, end));
    }

    @Test
    void aPlanNamesItsOwnPeriodOrHasNoRightAtAll() {
        Subscription subscription = february("30.00 EUR", false);
        subscription.getPlan().setWithdrawalDays(30);
        // concluded on 1 February 2024: 30 days are 2 February to 2 March (a leap year)
        assertEquals(Optional.of(midnight("2024-03-03")), POLICY.periodEnd(subscription));
        subscription.getPlan().setWithdrawalDays(0);
        assertEquals(Optional.empty(), POLICY.periodEnd(subscription));
        assertFalse(POLICY.mayWithdraw(subscription, midnight("2024-02-02")));
    }

    @Test
    void withNoDefaultOnlyPlansThatNameAPeriodHaveTheRight() {
        WithdrawalPolicy none = new WithdrawalPolicy(0);
        Subscription subscription = february("30.00 EUR", false);
        assertFalse(none.mayWithdraw(subscription, midnight("2024-02-02")));
        subscription.getPlan().setWithdrawalDays(14);
        assertTrue(none.mayWithdraw(subscription, midnight("2024-02-02")));
    }

    @Test
    void anEndedContractCannotBeWithdrawnFromButAScheduledCancellationCan() {
        Subscription scheduled = february("30.00 EUR", false);
        scheduled.scheduleEnd();
        assertTrue(POLICY.mayWithdraw(scheduled, midnight("2024-02-05")));
        Subscription ended = february("30.00 EUR", false);
        ended.end();
        assertFalse(POLICY.mayWithdraw(ended, midnight("2024-02-05")));
    }

    @Test
    void withoutAnEarlyStartRequestedEverythingPaidComesBack() {
        WithdrawalRefund refund = POLICY.refund(february("30.00 EUR", false), utc("2024-02-14T23:59:59"));
        assertEquals(Money.of("30.00", "EUR"), refund.refund());
        assertEquals(RefundBasis.FULL, refund.basis());
    }

    @ParameterizedTest(name = "withdrawn on {0}: {1} of 29.00 back")
    @CsvSource({
        "2024-02-01T00:00:00, 29.00, 0",   // day 0: nothing used yet
        "2024-02-01T23:59:59, 29.00, 0",   // the day of withdrawing counts as not used
        "2024-02-02T00:00:00, 28.00, 1",
        "2024-02-15T12:00:00, 15.00, 14",  // the last day of a 14-day period
        "2024-02-29T12:00:00, 1.00, 28",   // the leap day itself
    })
    void anEarlyStartKeepsBackTheDaysUsedInALeapMonth(String at, String back, int used) {
        WithdrawalRefund refund = POLICY.refund(february("29.00 EUR", true), utc(at));
        assertEquals(Money.of(back, "EUR"), refund.refund());
        assertEquals(RefundBasis.PROPORTIONAL, refund.basis());
        assertEquals(used, refund.daysUsed());
        assertEquals(29, refund.periodDays());
        assertEquals(Money.of("29.00", "EUR").amount().subtract(refund.refund().amount()),
                refund.keptBack().amount());
    }

    @ParameterizedTest(name = "{0} for a 31-day month, {1} days used: {2} back")
    @CsvSource({
        "10.00 EUR, 1, 9.68",     // 9.677... rounds half up
        "10.00 EUR, 30, 0.32",
        "1000 JPY, 1, 968",       // no decimals in yen
        "10.000 KWD, 1, 9.677",   // three decimals in dinars
        "0.01 EUR, 15, 0.01",     // 0.0052 rounds up to a cent, never below zero
        "0.01 EUR, 16, 0.00",
    })
    void roundingFollowsTheCurrencysOwnDecimals(String price, int used, String back) {
        Subscription subscription = subscription(ANN, price, "2025-03-01", "2025-04-01");
        subscription.setServiceStartRequested(true);
        WithdrawalRefund refund = POLICY.refund(subscription, midnight("2025-03-01").plusSeconds(86_400L * used));
        assertEquals(Money.of(back, price.split(" ")[1]), refund.refund());
    }

    @Test
    void aFreeTrialCostNothingSoNothingComesBack() {
        Subscription trial = Subscription.trial(ANN, new Plan("t", "T", Money.of("9.99", "EUR"), BillingPeriod.MONTHLY),
                midnight("2025-03-01"), midnight("2025-03-15"));
        trial.setServiceStartRequested(true);
        WithdrawalRefund refund = POLICY.refund(trial, midnight("2025-03-05"));
        assertTrue(refund.refund().isZero());
        assertEquals(RefundBasis.NOTHING_PAID, refund.basis());
    }

    @Test
    void daysAreCountedInTheSubscribersZone() {
        Subscription berlin = subscription(BERTA, "31.00 EUR", "2025-03-01", "2025-04-01");
        berlin.setServiceStartRequested(true);
        // 23:30 UTC on 1 March is already 2 March in Berlin: one day used there, none in UTC
        assertEquals(1, POLICY.refund(berlin, utc("2025-03-01T23:30:00")).daysUsed());
        Subscription utc = subscription(ANN, "31.00 EUR", "2025-03-01", "2025-04-01");
        utc.setServiceStartRequested(true);
        assertEquals(0, POLICY.refund(utc, utc("2025-03-01T23:30:00")).daysUsed());
    }
}
