package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refunds in every state and renewals held back, for cancellations in a period of 20 days that began 60 days ago
 * (days counted from today, so nothing here depends on the calendar), and one cancellation before it. Each refund is
 * due for five days from its cancellation. Every expected figure below is counted by hand from this table:
 *
 * <pre>
 *     plan    lang tenure    channel  day  refund                              renewal held back
 * k1  basic   en    10 days  WEB       2   due
 * k2  basic   en    10 days  WEB       3   paid after 1 day                    sorted out
 * k3  premium de   400 days  SUPPORT   4   paid after 3 days
 * k4  basic   de   100 days  WEB       5   overdue, then paid after 8 days
 * k5  premium en    10 days  API       6   overdue                             open
 * k6  basic   en   800 days  SUPPORT   7   failed
 * k7  premium en    10 days  WEB       8   paid after 10 days, before the overdue check came round
 * k8  basic   en    10 days  WEB       1   none                                open
 * k9  basic   en    10 days  WEB      -5   paid after 1 day (outside)          open (outside)
 * </pre>
 */
class FollowThroughTest {

    private static final LocalDate DAY_0 = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    private static final InsightsFilter PERIOD = InsightsFilter.lastDays(DAY_0.plusDays(19), 20);

    private static InsightsDatabase database;
    private static InsightsQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        database = new InsightsDatabase();
        queries = new InsightsQueries(database.dataSource);
        database.plan("basic");
        database.plan("premium");
        long k1 = cancellation("basic", "en", 10, "WEB", 2);
        database.refund(k1, "DUE", day(2), null, null);
        long k2 = cancellation("basic", "en-GB", 10, "WEB", 3);
        database.refund(k2, "PAID", day(3), null, day(3).plus(Duration.ofDays(1)));
        database.renewalHeldBack(k2, true);
        long k3 = cancellation("premium", "de", 400, "SUPPORT", 4);
        database.refund(k3, "PAID", day(4), null, day(4).plus(Duration.ofDays(3)));
        long k4 = cancellation("basic", "de-AT", 100, "WEB", 5);
        database.refund(k4, "PAID", day(5), day(5).plus(Duration.ofDays(5)), day(5).plus(Duration.ofDays(8)));
        long k5 = cancellation("premium", "en", 10, "API", 6);
        database.refund(k5, "OVERDUE", day(6), day(6).plus(Duration.ofDays(5)), null);
        database.renewalHeldBack(k5, false);
        long k6 = cancellation("basic", "en", 800, "SUPPORT", 7);
        database.refund(k6, "FAILED", day(7), null, day(7).plus(Duration.ofDays(2)));
        long k7 = cancellation("premium", "en", 10, "WEB", 8);
        database.refund(k7, "PAID", day(8), null, day(8).plus(Duration.ofDays(10)));
        database.renewalHeldBack(cancellation("basic", "en", 10, "WEB", 1), false);
        long k9 = cancellation("basic", "en", 10, "WEB", -5);
        database.refund(k9, "PAID", day(-5), null, day(-5).plus(Duration.ofDays(1)));
        database.renewalHeldBack(k9, false);
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void eachRefundCountsOnceInTheStateItIsInNow() {
        FollowThrough figures = queries.followThrough(PERIOD);

        assertEquals(1, figures.due(), "due");
        assertEquals(2, figures.paidOnTime(), "paid on time");
        assertEquals(2, figures.paidLate(), "paid late");
        assertEquals(1, figures.overdue(), "overdue");
        assertEquals(1, figures.failed(), "failed");
        assertEquals(7, figures.refunds());
        assertEquals(4, figures.paid());
        assertEquals(2.0 / 7, figures.shareOf(figures.paidOnTime()), 1e-9);
    }

    @Test
    void aRefundConfirmedAfterItsDeadlineIsLateEvenBeforeTheOverdueCheckMarkedIt() {
        FollowThrough premium = queries.followThrough(filter("premium", null, null, null));

        assertEquals(1, premium.paidOnTime(), "k3");
        assertEquals(1, premium.paidLate(), "k7, never marked overdue but confirmed after five days");
        assertEquals(1, premium.overdue(), "k5");
    }

    @Test
    void theMedianTimeToRefundIsTheMiddleOfThePaidOnesOnly() {
        // 1, 3, 8 and 10 days: the middle lies between 3 and 8; the due, overdue and failed ones do not count
        assertEquals(Duration.ofHours(132), queries.followThrough(PERIOD).medianTimeToRefund());
        // 3 and 10 days
        assertEquals(Duration.ofHours(156), queries.followThrough(filter("premium", null, null, null))
                .medianTimeToRefund());
        // one paid refund is its own median
        assertEquals(Duration.ofDays(3), queries.followThrough(filter(null, null, "SUPPORT", null))
                .medianTimeToRefund());
    }

    @Test
    void withoutAPaidRefundThereIsNoMedian() {
        FollowThrough longStanding = queries.followThrough(filter(null, "over_2_years", null, null));

        assertEquals(1, longStanding.failed());
        assertEquals(0, longStanding.paid());
        assertNull(longStanding.medianTimeToRefund());
    }

    @Test
    void onlyOpenRenewalsOfThePeriodsCancellationsAreHeldBackPromises() {
        assertEquals(2, queries.followThrough(PERIOD).renewalsHeldBack(), "k5 and k8; k2's is sorted out");
        assertEquals(1, queries.followThrough(filter("premium", null, null, null)).renewalsHeldBack());
        assertEquals(1, queries.followThrough(filter(null, null, "API", null)).renewalsHeldBack());
        assertEquals(0, queries.followThrough(filter(null, null, null, "de")).renewalsHeldBack());
    }

    @Test
    void theFiltersNarrowTheRefundsAsTheyNarrowTheCancellations() {
        assertFigures(filter("basic", null, null, null), 1, 1, 1, 0, 1);
        assertFigures(filter(null, null, "SUPPORT", null), 0, 1, 0, 0, 1);
        assertFigures(filter(null, null, "WEB", null), 1, 1, 2, 0, 0);
        assertFigures(filter(null, null, null, "de"), 0, 1, 1, 0, 0);
        assertFigures(filter(null, "under_1_month", null, null), 1, 1, 1, 1, 0);
        assertFigures(filter(null, "1_to_6_months", null, null), 0, 0, 1, 0, 0);
        assertFigures(filter("premium", "6_to_12_months", null, null), 0, 0, 0, 0, 0);
    }

    @Test
    void theReasonDoesNotNarrowTheRefundsForCancellationsAreNotSplitByReason() {
        InsightsFilter byReason = new InsightsFilter(PERIOD.from(), PERIOD.to(), null, null, null, null,
                "too_expensive");

        assertEquals(queries.followThrough(PERIOD), queries.followThrough(byReason));
    }

    @Test
    void thePeriodIsTheDaysOfTheCancellations() {
        FollowThrough before = queries.followThrough(PERIOD.withPeriod(DAY_0.minusDays(5), DAY_0.minusDays(5)));
        assertEquals(1, before.paidOnTime(), "k9");
        assertEquals(1, before.refunds());
        assertEquals(1, before.renewalsHeldBack(), "k9's");
        assertEquals(Duration.ofDays(1), before.medianTimeToRefund());

        FollowThrough twoDays = queries.followThrough(PERIOD.withPeriod(DAY_0.plusDays(2), DAY_0.plusDays(3)));
        assertEquals(1, twoDays.due(), "k1");
        assertEquals(1, twoDays.paidOnTime(), "k2");
        assertEquals(2, twoDays.refunds());

        FollowThrough none = queries.followThrough(PERIOD.withPeriod(DAY_0.minusDays(40), DAY_0.minusDays(30)));
        assertEquals(new FollowThrough(0, 0, 0, 0, 0, null, 0), none);
    }

    @Test
    void theSummaryCarriesTheSameFigures() {
        InsightsFilter premium = filter("premium", null, null, null);

        assertEquals(queries.followThrough(premium), queries.summary(premium).followThrough());
    }

    private static void assertFigures(InsightsFilter filter, long due, long paidOnTime, long paidLate, long overdue,
                                      long failed) {
        FollowThrough figures = queries.followThrough(filter);
        assertEquals(List.of(due, paidOnTime, paidLate, overdue, failed), List.of(figures.due(),
                figures.paidOnTime(), figures.paidLate(), figures.overdue(), figures.failed()), filter::toString);
    }

    private static InsightsFilter filter(String plan, String tenureBand, String channel, String language) {
        return new InsightsFilter(PERIOD.from(), PERIOD.to(), plan, tenureBand, channel, language, null);
    }

    private static long cancellation(String plan, String locale, int tenureDays, String channel, int day)
            throws Exception {
        return database.cancellation(plan, locale, tenureDays, channel, day(day), null);
    }

    /** Ten in the morning (UTC) of a day counted from the start of the period. */
    private static Instant day(int day) {
        return DAY_0.plusDays(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
