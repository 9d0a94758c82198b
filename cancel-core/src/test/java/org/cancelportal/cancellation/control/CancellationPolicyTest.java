package org.cancelportal.cancellation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CancellationPolicyTest {

    private static final Subscriber ANN = new Subscriber("ann@example.com", "Ann", Locale.GERMANY, ZoneOffset.UTC);
    private static final Subscriber BERTA = new Subscriber("berta@example.com", "Berta", Locale.GERMANY,
            ZoneId.of("Europe/Berlin"));

    private static final CancellationMode END_OF_PERIOD = CancellationMode.END_OF_PERIOD;
    private static final CancellationMode IMMEDIATE = CancellationMode.IMMEDIATE;

    private static CancellationPolicy policy(RefundRule rule) {
        return new CancellationPolicy(END_OF_PERIOD, true, rule, 14, true, DataHandling.DELETED_AFTER_30_DAYS);
    }

    private static Subscription subscription(String price, BillingPeriod billing, String periodStart,
                                             String periodEnd) {
        Plan plan = new Plan("basic", "Basic", Money.of(price.split(" ")[0], price.split(" ")[1]), billing);
        return new Subscription(ANN, plan, midnight("2024-01-01"), midnight(periodStart), midnight(periodEnd));
    }

    /** A subscription whose period is March 2025: 31 days. */
    private static Subscription march(String price) {
        return subscription(price, BillingPeriod.MONTHLY, "2025-03-01", "2025-04-01");
    }

    private static Instant midnight(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Money refund(RefundRule rule, Subscription subscription, String now) {
        return policy(rule).refund(subscription, IMMEDIATE, Instant.parse(now));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // --- terms: what the page promises ---

    @ParameterizedTest
    @EnumSource(RefundRule.class)
    void cancellingAtTheEndOfThePeriodNeverRefundsAndKeepsAccessUntilThePeriodEnds(RefundRule rule) {
        Instant firstDay = Instant.parse("2025-03-01T09:00:00Z");

        CancellationTerms terms = policy(rule).terms(march("9.99 EUR"), END_OF_PERIOD, firstDay);

        assertEquals(END_OF_PERIOD, terms.mode());
        assertEquals(Instant.parse("2025-04-01T00:00:00Z"), terms.accessUntil());
        assertEquals(eur("0.00"), terms.refund());
        assertEquals(DataHandling.DELETED_AFTER_30_DAYS, terms.dataHandling());
    }

    @Test
    void cancellingImmediatelyEndsAccessNowAndRefundsTheUnusedDays() {
        Instant now = Instant.parse("2025-03-22T15:30:00Z");

        CancellationTerms terms = policy(RefundRule.PRORATED).terms(march("9.99 EUR"), IMMEDIATE, now);

        assertEquals(IMMEDIATE, terms.mode());
        assertEquals(now, terms.accessUntil());
        assertEquals(eur("3.22"), terms.refund()); // 10 of 31 days: 22nd..31st
        assertEquals(DataHandling.DELETED_AFTER_30_DAYS, terms.dataHandling());
    }

    // --- PRORATED ---

    @ParameterizedTest(name = "cancelled {0}: {1} EUR back")
    @CsvSource({
            "2025-03-01T00:00:00Z, 9.99",  // first day: the whole period is unused
            "2025-03-01T23:59:59Z, 9.99",
            "2025-03-22T12:00:00Z, 3.22",  // 9.99 * 10/31 = 3.2226
            "2025-03-31T00:00:00Z, 0.32",  // last day: one day's share, 9.99/31 = 0.3223
            "2025-03-31T23:59:59Z, 0.32",
            "2025-04-01T00:00:00Z, 0.00"   // the period is over
    })
    void proratedRefundPaysBackTheUnusedDaysOfAThirtyOneDayMonthCountingTodayAsUnused(String now, String euros) {
        assertEquals(eur(euros), refund(RefundRule.PRORATED, march("9.99 EUR"), now));
    }

    @ParameterizedTest(name = "cancelled {0}: {1} EUR back")
    @CsvSource({
            "2028-02-01T08:00:00Z, 29.00",
            "2028-02-20T08:00:00Z, 10.00",  // 20th..29th
            "2028-02-28T08:00:00Z, 2.00",
            "2028-02-29T08:00:00Z, 1.00"    // the leap day is the last day: one day of 29
    })
    void proratedRefundInFebruaryOfALeapYearCountsTwentyNineDays(String now, String euros) {
        Subscription february = subscription("29.00 EUR", BillingPeriod.MONTHLY, "2028-02-01", "2028-03-01");

        assertEquals(eur(euros), refund(RefundRule.PRORATED, february, now));
    }

    @ParameterizedTest(name = "cancelled {0}: {1} EUR back")
    @CsvSource({
            "2027-06-01T08:00:00Z, 366.00",
            "2028-02-29T08:00:00Z, 93.00",  // Feb 29 + 92 days of March..May
            "2028-03-01T08:00:00Z, 92.00",
            "2028-05-31T08:00:00Z, 1.00"
    })
    void proratedRefundOfAYearAcrossALeapDayCounts366Days(String now, String euros) {
        Subscription year = subscription("366.00 EUR", BillingPeriod.YEARLY, "2027-06-01", "2028-06-01");

        assertEquals(eur(euros), refund(RefundRule.PRORATED, year, now));
    }

    @Test
    void yearlyRefundIsRoundedToCents() {
        Subscription year = subscription("119.00 EUR", BillingPeriod.YEARLY, "2027-06-01", "2028-06-01");

        // 119.00 * 92/366 = 29.9126...
        assertEquals(eur("29.91"), refund(RefundRule.PRORATED, year, "2028-03-01T08:00:00Z"));
    }

    @ParameterizedTest(name = "{0} * 10/31 = {1}")
    @CsvSource({
            "9.99 EUR,  3.22",   // 3.2226
            "1000 JPY,  323",    // 322.58 yen, no sen
            "5.000 BHD, 1.613",  // 1.6129, to the fils
            "2.500 KWD, 0.806"   // 0.80645
    })
    void proratedRefundIsRoundedToTheCurrencysSmallestUnit(String price, String expected) {
        Money refund = refund(RefundRule.PRORATED, march(price), "2025-03-22T10:00:00Z");

        assertEquals(Money.of(expected, price.split(" ")[1]), refund);
        assertEquals(expected, refund.amount().toPlainString());
    }

    @ParameterizedTest(name = "{0} * 15/30 = {1}")
    @CsvSource({
            "9.97 EUR,  4.99",   // exactly 4.985: half a cent rounds up
            "1001 JPY,  501",    // exactly 500.5 yen
            "0.001 BHD, 0.001"   // exactly 0.0005
    })
    void anExactHalfOfTheSmallestUnitRoundsUpInTheSubscribersFavour(String price, String expected) {
        Subscription april = subscription(price, BillingPeriod.MONTHLY, "2025-04-01", "2025-05-01");

        Money refund = refund(RefundRule.PRORATED, april, "2025-04-16T10:00:00Z");

        assertEquals(Money.of(expected, price.split(" ")[1]), refund);
    }

    // --- nothing to refund ---

    @ParameterizedTest
    @EnumSource(RefundRule.class)
    void aFreePlanRefundsNothing(RefundRule rule) {
        assertEquals(eur("0.00"), refund(rule, march("0.00 EUR"), "2025-03-01T10:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(RefundRule.class)
    void aSubscriptionInItsFreeTrialRefundsNothingAndKeepsAccessUntilTheTrialEnds(RefundRule rule) {
        Plan plan = new Plan("basic", "Basic", eur("9.99"), BillingPeriod.MONTHLY);
        Subscription trial = Subscription.trial(ANN, plan, midnight("2025-03-01"), midnight("2025-03-15"));
        Instant secondDay = Instant.parse("2025-03-02T10:00:00Z");

        assertEquals(eur("0.00"), policy(rule).refund(trial, IMMEDIATE, secondDay));
        assertEquals(midnight("2025-03-15"),
                policy(rule).terms(trial, END_OF_PERIOD, secondDay).accessUntil());
    }

    @Test
    void noRefundRuleRefundsNothingEvenOnTheFirstDay() {
        assertEquals(eur("0.00"), refund(RefundRule.NONE, march("9.99 EUR"), "2025-03-01T00:00:00Z"));
    }

    // --- FULL_WITHIN_DAYS (14 days) ---

    @ParameterizedTest(name = "cancelled {0}: {1} EUR back")
    @CsvSource({
            "2025-03-01T00:00:00Z, 9.99",  // day 0
            "2025-03-14T23:59:59Z, 9.99",  // day 13, the last day inside the 14
            "2025-03-15T00:00:00Z, 0.00",  // day 14
            "2025-03-31T12:00:00Z, 0.00"
    })
    void fullRefundWithinFourteenDaysOfTheChargeAndNothingFromDayFourteenOn(String now, String euros) {
        assertEquals(eur(euros), refund(RefundRule.FULL_WITHIN_DAYS, march("9.99 EUR"), now));
    }

    @Test
    void fullRefundWithinZeroDaysNeverRefunds() {
        CancellationPolicy policy = new CancellationPolicy(END_OF_PERIOD, true, RefundRule.FULL_WITHIN_DAYS, 0,
                true, DataHandling.DELETED_AFTER_30_DAYS);

        assertEquals(eur("0.00"), policy.refund(march("9.99 EUR"), IMMEDIATE, midnight("2025-03-01")));
    }

    // --- offered modes ---

    @ParameterizedTest(name = "default {0}, immediate offered {1}: {2}")
    @CsvSource({
            "END_OF_PERIOD, true,  END_OF_PERIOD IMMEDIATE",
            "END_OF_PERIOD, false, END_OF_PERIOD",
            "IMMEDIATE,     true,  IMMEDIATE"
    })
    void theDefaultModeIsOfferedFirstAndImmediateOnlyWhenOffered(CancellationMode defaultMode,
                                                                 boolean immediateOffered, String expected) {
        CancellationPolicy policy = new CancellationPolicy(defaultMode, immediateOffered, RefundRule.PRORATED, 14,
                true, DataHandling.DELETED_AFTER_30_DAYS);

        List<CancellationMode> expectedModes = Arrays.stream(expected.split(" "))
                .map(CancellationMode::valueOf).toList();
        assertEquals(expectedModes, policy.offeredModes());
        assertEquals(immediateOffered, policy.offers(IMMEDIATE));
        assertTrue(policy.offers(defaultMode));
    }

    // --- undo ---

    private static Cancellation endOfMarchCancellation() {
        return new Cancellation("CX-7K4M-2QPD", march("9.99 EUR"), Instant.parse("2025-03-10T10:00:00Z"),
                midnight("2025-04-01"), END_OF_PERIOD, eur("0.00"), Channel.WEB, "ann@example.com", null);
    }

    @Test
    void aCancellationCanBeUndoneUntilTheMomentItTakesEffect() {
        CancellationPolicy policy = policy(RefundRule.PRORATED);
        Cancellation cancellation = endOfMarchCancellation();

        assertTrue(policy.mayUndo(cancellation, Instant.parse("2025-03-10T10:05:00Z")));
        assertTrue(policy.mayUndo(cancellation, Instant.parse("2025-03-31T23:59:59Z")));
        assertFalse(policy.mayUndo(cancellation, Instant.parse("2025-04-01T00:00:00Z")));
        assertFalse(policy.mayUndo(cancellation, Instant.parse("2025-04-02T00:00:00Z")));
    }

    @Test
    void anImmediateCancellationCannotBeUndoneBecauseItTookEffectAtOnce() {
        Instant now = Instant.parse("2025-03-10T10:00:00Z");
        Cancellation cancellation = new Cancellation("CX-7K4M-2QPD", march("9.99 EUR"), now, now, IMMEDIATE,
                eur("6.77"), Channel.WEB, "ann@example.com", null);

        assertFalse(policy(RefundRule.PRORATED).mayUndo(cancellation, now));
    }

    @Test
    void aCancellationAlreadyUndoneCannotBeUndoneAgain() {
        Cancellation cancellation = endOfMarchCancellation();
        cancellation.undo(Instant.parse("2025-03-11T10:00:00Z"), "ann@example.com");

        assertFalse(policy(RefundRule.PRORATED).mayUndo(cancellation, Instant.parse("2025-03-12T10:00:00Z")));
    }

    @Test
    void nothingCanBeUndoneWhenThePolicyForbidsUndo() {
        CancellationPolicy noUndo = new CancellationPolicy(END_OF_PERIOD, true, RefundRule.PRORATED, 14, false,
                DataHandling.DELETED_AFTER_30_DAYS);

        assertFalse(noUndo.mayUndo(endOfMarchCancellation(), Instant.parse("2025-03-10T10:05:00Z")));
    }

    @Test
    void refundDaysAreCountedInTheSubscribersOwnTimeZone() {
        // A Berlin month, 1 to 31 March local time (31 days). At 00:30 on 22 March in Berlin it is still 21 March in
        // UTC; the subscriber counts 10 unused days (22 to 31 March), and so does the refund.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Plan plan = new Plan("basic", "Basic", Money.of("31.00", "EUR"), BillingPeriod.MONTHLY);
        Subscription subscription = new Subscription(BERTA, plan, LocalDate.parse("2025-03-01").atStartOfDay(berlin).toInstant(),
                LocalDate.parse("2025-03-01").atStartOfDay(berlin).toInstant(),
                LocalDate.parse("2025-04-01").atStartOfDay(berlin).toInstant());
        Instant justAfterLocalMidnight = LocalDate.parse("2025-03-22").atStartOfDay(berlin).plusMinutes(30).toInstant();

        assertEquals(eur("10.00"), policy(RefundRule.PRORATED).refund(subscription, IMMEDIATE, justAfterLocalMidnight));
    }

    @Test
    void aPeriodThatEndedWithoutARenewalEndsAccessNowInsteadOfInThePast() {
        Subscription stale = march("9.99 EUR");
        Instant now = Instant.parse("2025-04-10T12:00:00Z");

        CancellationTerms terms = policy(RefundRule.PRORATED).terms(stale, CancellationMode.END_OF_PERIOD, now);

        assertEquals(now, terms.accessUntil());
        assertEquals(eur("0.00"), terms.refund());
    }

    @Test
    void aTrialPeriodRefundsNothingEvenAfterTheTrialHasEnded() {
        Plan plan = new Plan("trial", "Trial", Money.of("19.90", "EUR"), BillingPeriod.MONTHLY);
        Subscription trial = Subscription.trial(ANN, plan, midnight("2025-03-01"), midnight("2025-03-15"));

        assertEquals(eur("0.00"), policy(RefundRule.FULL_WITHIN_DAYS).refund(trial, IMMEDIATE,
                Instant.parse("2025-03-20T10:00:00Z")));
    }
}
