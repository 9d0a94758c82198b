package org.cancelportal.insights.control;

import static org.cancelportal.insights.control.InsightsDatabase.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four cancellations and four answers in the period (1 Oct – 20 Nov 2026), one of each outside it. Every expected
 * figure below is counted by hand from this table:
 *
 * <pre>
 * c1 basic   en  10 days  WEB      2 Nov  20 s   invited, answered
 * c2 basic   de 100 days  WEB      3 Nov  90 s   undone
 * c3 premium en 400 days  SUPPORT 10 Nov  –      invited
 * c4 premium de 800 days  WEB     17 Nov 300 s   invited, answered
 * c5 basic   en  10 days  WEB      1 Aug  20 s   (outside)
 *
 * r1 basic   under_1_month  WEB     en too_expensive  3 Nov
 * r2 premium over_2_years   WEB     de too_expensive 18 Nov
 * r3 premium 1_to_2_years   SUPPORT en unused        11 Nov (anonymous)
 * r4 basic   under_1_month  WEB     en (no reason)    4 Nov
 * r5 basic   under_1_month  WEB     en unused         2 Aug (outside)
 * r6 basic   under_1_month  WEB     en unused        30 Sep (outside, in the period's first week)
 * r7 premium over_2_years   WEB     de too_expensive 21 Nov (outside, in the period's last week)
 * r8 basic   under_1_month  WEB     en unused         5 Oct, moved to 22 Nov (outside, in the period's last week)
 * r9 basic   under_1_month  WEB     en unused         6 Oct, deleted
 * </pre>
 *
 * The period's first week (28 Sep – 4 Oct) and last week (16 – 22 Nov) are cut by it: answers r6 – r8 are counted in
 * the weekly table's rows for those weeks, and must not be counted in the period. r8 and r9 take the triggers through
 * an update and a delete.
 */
class InsightsQueriesTest {

    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-20");

    /** Every facet on its own and a few together, each checked for every shape of period below. */
    private static final List<InsightsFilter> FILTERS = List.of(all(), filter("basic", null, null, "en", null),
            filter("premium", null, null, "de", null), filter(null, null, null, null, "too_expensive"),
            filter(null, null, "SUPPORT", null, null), filter(null, "under_1_month", null, null, "unused"),
            filter(null, "over_2_years", null, "de", null), filter(null, "1_to_6_months", null, null, null),
            filter(null, null, "WEB", null, null));
    private static final List<LocalDate[]> PERIODS = List.of(
            period(FROM, TO), // cut weeks at both ends
            period("2026-10-05", "2026-11-15"), // whole weeks only
            period("2026-09-30", "2026-11-22"), // ends on a Sunday, starts in the middle of a week
            period("2026-11-02", "2026-11-21"), // starts on a Monday, ends on a Saturday
            period("2026-11-03", "2026-11-08"), // no whole week
            period("2026-11-14", "2026-11-17"), // no whole week, across a week's end
            period("2026-11-18", "2026-11-18"), // one day
            period("2026-11-16", "2026-11-22"), // exactly one week
            period("2026-08-01", "2026-08-31"), // only what lies outside the usual period
            period("2026-01-01", "2026-01-31"), // nothing at all
            period("2026-07-01", "2026-12-31")); // everything

    /** The bands and journey buckets in the order the dashboard shows them, written out rather than borrowed. */
    private static final List<String> BANDS =
            List.of("under_1_month", "1_to_6_months", "6_to_12_months", "1_to_2_years", "over_2_years");
    private static final List<String> JOURNEYS = List.of("under_30_seconds", "30_seconds_to_2_minutes",
            "2_to_10_minutes", "10_to_60_minutes", "over_1_hour");

    private static InsightsDatabase database;
    private static InsightsQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        database = new InsightsDatabase();
        queries = new InsightsQueries(database.dataSource);
        database.plan("basic");
        database.plan("premium");
        long c1 = database.cancellation("basic", "en", 10, "WEB", at("2026-11-02"), 20);
        long c2 = database.cancellation("basic", "de-AT", 100, "WEB", at("2026-11-03"), 90);
        long c3 = database.cancellation("premium", "en", 400, "SUPPORT", at("2026-11-10"), null);
        long c4 = database.cancellation("premium", "de", 800, "WEB", at("2026-11-17"), 300);
        long c5 = database.cancellation("basic", "en", 10, "WEB", at("2026-08-01"), 20);
        database.undo(c2);
        database.responded(database.invite(c1));
        database.invite(c3);
        database.responded(database.invite(c4));
        database.responded(database.invite(c5));
        database.response("basic", "under_1_month", "WEB", "en", "too_expensive", at("2026-11-03"), null, null, false, false);
        database.response("premium", "over_2_years", "WEB", "de", "too_expensive", at("2026-11-18"), null, null, false, false);
        database.response("premium", "1_to_2_years", "SUPPORT", "en", "unused", at("2026-11-11"), null, null, true, false);
        database.response("basic", "under_1_month", "WEB", "en", null, at("2026-11-04"), null, null, false, false);
        database.response("basic", "under_1_month", "WEB", "en", "unused", at("2026-08-02"), null, null, false, false);
        database.response("basic", "under_1_month", "WEB", "en", "unused", at("2026-09-30"), null, null, false, false);
        database.response("premium", "over_2_years", "WEB", "de", "too_expensive", at("2026-11-21"), null, null, false, false);
        long r8 = database.response("basic", "under_1_month", "WEB", "en", "unused", at("2026-10-05"), null, null, false, false);
        database.update("UPDATE survey_response SET submitted_at = ? WHERE id = ?", Timestamp.from(at("2026-11-22")), r8);
        long r9 = database.response("basic", "under_1_month", "WEB", "en", "unused", at("2026-10-06"), null, null, false, false);
        database.update("DELETE FROM survey_response WHERE id = ?", r9);
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void theWholePeriodCountsEveryCancellationOnceAndAnUndoneOneAsUndone() {
        CancellationTotals totals = queries.totals(all());

        assertEquals(List.of(4L, 1L, 3L, 2L), List.of(totals.cancelled(), totals.undone(), totals.invited(),
                totals.responded()));
        assertEquals(0.25, totals.undoRate(), 1e-9);
        assertEquals(2.0 / 3, totals.responseRate(), 1e-9);
        assertEquals(4, queries.responses(all()));
    }

    @Test
    void journeysFallIntoTheirBucketsAndTheMedianIsTheMiddleOne() {
        CancellationTotals totals = queries.totals(all());

        assertEquals(List.of(1L, 1L, 1L, 0L, 0L), totals.journey().stream().map(Share::count).toList());
        assertEquals(3, totals.timedJourneys());
        assertEquals("30_seconds_to_2_minutes", totals.medianJourney());
    }

    @Test
    void reasonsAreRankedWithSharesOfAllAnswers() {
        assertEquals(Map.of("too_expensive", 50L, "unused", 25L, "", 25L), percents(queries.reasons(all())));
        assertEquals("too_expensive", queries.reasons(all()).get(0).key());
    }

    @Test
    void theWeeklyTrendCountsEachReasonInItsWeek() {
        WeeklyTrend trend = queries.weeklyTrend(all());

        assertEquals(LocalDate.parse("2026-09-28"), trend.weeks().get(0));
        assertEquals(LocalDate.parse("2026-11-16"), trend.weeks().get(trend.weeks().size() - 1));
        long[] expensive = new long[trend.weeks().size()];
        expensive[trend.weeks().indexOf(LocalDate.parse("2026-11-02"))] = 1;
        expensive[trend.weeks().indexOf(LocalDate.parse("2026-11-16"))] = 1;
        assertArrayEquals(expensive, trend.counts("too_expensive"));
        long[] unused = new long[trend.weeks().size()];
        unused[trend.weeks().indexOf(LocalDate.parse("2026-11-09"))] = 1;
        assertArrayEquals(unused, trend.counts("unused"));
        assertEquals(1, trend.max());
    }

    /**
     * The trend reads whole weeks from the weekly table and the days a period cuts off a week from the daily one. The
     * expected counts come from the answers themselves, so a mistake in the cut, in the facets' conditions or in the
     * triggers that keep both tables shows, rather than being made again on the expected side.
     */
    @Test
    void theWeeklyTrendAgreesWithACountOfTheAnswersThemselvesForEveryPeriodAndFilter() throws Exception {
        List<AnswerFacts> answers = answerFacts();
        for (InsightsFilter filter : FILTERS) {
            for (LocalDate[] days : PERIODS) {
                InsightsFilter narrowed = filter.withPeriod(days[0], days[1]);
                WeeklyTrend trend = queries.weeklyTrend(narrowed);

                assertEquals(mondaysFrom(narrowed), trend.weeks(), narrowed::toString);
                assertEquals(weeklyCount(narrowed, answers), keyed(trend), narrowed::toString);
            }
        }
    }

    /**
     * The summary reads its figures in fewer statements than each figure read on its own, and both read the same
     * daily and weekly tables: compared with each other they would agree however wrong both were. So both are
     * compared with figures counted here from the cancellations, invitations and answers themselves.
     */
    @Test
    void theSummaryAndEachFigureReadOnItsOwnAgreeWithACountOfTheRowsThemselvesForEveryFilterAndPeriod()
            throws Exception {
        List<CancellationFacts> cancellations = cancellationFacts();
        List<AnswerFacts> answers = answerFacts();
        for (InsightsFilter filter : FILTERS) {
            for (LocalDate[] days : PERIODS) {
                InsightsFilter narrowed = filter.withPeriod(days[0], days[1]);
                Figures counted = Figures.counted(narrowed, cancellations, answers);
                InsightsSummary summary = queries.summary(narrowed);

                assertEquals(counted, Figures.of(summary.cancellations(), summary.tenure(), summary.responses(),
                        summary.reasons()), () -> "summary of " + narrowed);
                assertEquals(weeklyCount(narrowed, answers), keyed(summary.trend()), () -> "summary of " + narrowed);
                assertEquals(counted, Figures.of(queries.totals(narrowed), queries.tenure(narrowed),
                        queries.responses(narrowed), queries.reasons(narrowed)), () -> "each of " + narrowed);
            }
        }
    }

    @Test
    void tenureCountsCancellationsPerBandInBandOrder() {
        assertEquals(List.of("under_1_month=1", "1_to_6_months=1", "6_to_12_months=0", "1_to_2_years=1",
                "over_2_years=1"), queries.tenure(all()).stream().map(s -> s.key() + "=" + s.count()).toList());
    }

    @Test
    void eachFilterNarrowsTheFiguresItConcerns() {
        assertFigures(filter("basic", null, null, null, null), 2, 1, 1, 1, 2);
        assertFigures(filter("premium", null, null, null, null), 2, 0, 2, 1, 2);
        assertFigures(filter(null, "under_1_month", null, null, null), 1, 0, 1, 1, 2);
        assertFigures(filter(null, "over_2_years", null, null, null), 1, 0, 1, 1, 1);
        assertFigures(filter(null, null, "SUPPORT", null, null), 1, 0, 1, 0, 1);
        assertFigures(filter(null, null, "WEB", null, null), 3, 1, 2, 2, 3);
        assertFigures(filter(null, null, null, "de", null), 2, 1, 1, 1, 1);
        assertFigures(filter(null, null, null, "en", null), 2, 0, 2, 1, 3);
        assertFigures(filter("premium", null, null, "de", null), 1, 0, 1, 1, 1);
        assertFigures(filter(null, null, null, null, "nothing_matches"), 4, 1, 3, 2, 0);
    }

    @Test
    void theReasonNarrowsAnswersButNotCancellations() {
        InsightsFilter expensive = filter(null, null, null, null, "too_expensive");

        assertFigures(expensive, 4, 1, 3, 2, 2);
        assertEquals(Map.of("too_expensive", 100L), percents(queries.reasons(expensive)));
        assertEquals(2, queries.weeklyTrend(expensive).countsByReason().values().stream()
                .flatMapToLong(java.util.Arrays::stream).sum());
    }

    @Test
    void theJourneyAndTenureFollowTheFilters() {
        InsightsFilter german = filter(null, null, null, "de", null);

        assertEquals(List.of(0L, 1L, 1L, 0L, 0L), queries.totals(german).journey().stream().map(Share::count).toList());
        assertEquals(List.of(0L, 1L, 0L, 0L, 1L), queries.tenure(german).stream().map(Share::count).toList());
    }

    @Test
    void aShorterPeriodCountsOnlyItsDays() {
        assertFigures(all().withPeriod(LocalDate.parse("2026-11-10"), TO), 2, 0, 2, 1, 2);
        assertFigures(all().withPeriod(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-31")), 1, 0, 1, 1, 1);
        assertFigures(all().withPeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")), 0, 0, 0, 0, 0);
    }

    /**
     * The rebuild is rolled back once read: it would otherwise overwrite whatever the triggers got wrong, and every
     * test running after this one would read the repaired tables instead of the triggers' work.
     */
    @Test
    void theDailyAndWeeklyTablesAgreeWithARebuildFromTheRowsTheyCount() throws Exception {
        String byTrigger = database.text("SELECT * FROM insights_cancellation_day ORDER BY 1, 2, 3, 4, 5")
                + database.text("SELECT * FROM insights_response_day WHERE responses <> 0 ORDER BY 1, 2, 3, 4, 5, 6")
                + database.text("SELECT * FROM insights_response_week WHERE responses <> 0 ORDER BY 1, 2, 3, 4, 5, 6");

        List<String> rebuilt = database.rolledBack(connection -> {
            text(connection, "SELECT insights_rebuild()");
            return List.of(text(connection, "SELECT * FROM insights_cancellation_day ORDER BY 1, 2, 3, 4, 5"),
                    text(connection, "SELECT * FROM insights_response_day ORDER BY 1, 2, 3, 4, 5, 6"),
                    text(connection, "SELECT * FROM insights_response_week ORDER BY 1, 2, 3, 4, 5, 6"));
        });

        assertEquals(byTrigger, String.join("", rebuilt));
        assertEquals("""
                2026-07-27|basic|under_1_month|WEB|en|unused|1
                2026-09-28|basic|under_1_month|WEB|en|unused|1
                2026-11-02|basic|under_1_month|WEB|en||1
                2026-11-02|basic|under_1_month|WEB|en|too_expensive|1
                2026-11-09|premium|1_to_2_years|SUPPORT|en|unused|1
                2026-11-16|basic|under_1_month|WEB|en|unused|1
                2026-11-16|premium|over_2_years|WEB|de|too_expensive|2
                """, rebuilt.get(2));
    }

    private static void assertFigures(InsightsFilter filter, long cancelled, long undone, long invited,
                                      long responded, long responses) {
        CancellationTotals totals = queries.totals(filter);
        assertEquals(List.of(cancelled, undone, invited, responded, responses), List.of(totals.cancelled(),
                totals.undone(), totals.invited(), totals.responded(), queries.responses(filter)), filter::toString);
        assertEquals(cancelled, queries.tenure(filter).stream().mapToLong(Share::count).sum(), filter::toString);
    }

    /** The cells of the trend that are not zero, as "reason week" and count, counted from the answers alone. */
    private static Map<String, Long> weeklyCount(InsightsFilter filter, List<AnswerFacts> answers) {
        return answers.stream().filter(answer -> answer.in(filter)).collect(Collectors.groupingBy(
                answer -> answer.reasonKey() + " " + mondayOf(answer.day()), Collectors.counting()));
    }

    private static List<LocalDate> mondaysFrom(InsightsFilter filter) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate monday = mondayOf(filter.from()); !monday.isAfter(filter.to()); monday = monday.plusDays(7)) {
            mondays.add(monday);
        }
        return mondays;
    }

    private static LocalDate mondayOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    private static List<CancellationFacts> cancellationFacts() throws Exception {
        return database.rows("""
                SELECT c.requested_at, s.started_at, p.code, c.channel, sub.locale, c.undone_at IS NOT NULL,
                       c.journey_started_at,
                       (SELECT count(*) FROM survey_invitation i WHERE i.cancellation_id = c.id AND i.status = 'SENT'),
                       (SELECT count(*) FROM survey_invitation i WHERE i.cancellation_id = c.id
                                                                   AND i.responded_at IS NOT NULL)
                FROM cancellation c
                JOIN subscription s ON s.id = c.subscription_id
                JOIN plan p ON p.id = s.plan_id
                JOIN subscriber sub ON sub.id = s.subscriber_id
                """, row -> new CancellationFacts(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant(),
                row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6),
                row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getLong(8), row.getLong(9)));
    }

    private static List<AnswerFacts> answerFacts() throws Exception {
        return database.rows("SELECT submitted_at, plan_code, tenure_band, channel, locale, reason_code"
                + " FROM survey_response", row -> new AnswerFacts(row.getTimestamp(1).toInstant(), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6)));
    }

    /** A cancellation as its own rows tell it, with its invitations counted. */
    private record CancellationFacts(Instant requestedAt, Instant startedAt, String plan, String channel,
                                     String locale, boolean undone, Instant journeyStartedAt, long invitationsSent,
                                     long invitationsAnswered) {

        /** The reason is left out on purpose: cancellations are never split by the survey's reason. */
        boolean in(InsightsFilter filter) {
            return inPeriod(filter, requestedAt) && wanted(filter.plan(), plan) && wanted(filter.tenureBand(), band())
                    && wanted(filter.channel(), channel) && wanted(filter.language(), language(locale));
        }

        /** Under 31, 183, 366 or 731 whole days the subscription had run when it was cancelled, or longer. */
        String band() {
            long days = Duration.between(startedAt, requestedAt).toDays();
            int band = days < 31 ? 0 : days < 183 ? 1 : days < 366 ? 2 : days < 731 ? 3 : 4;
            return BANDS.get(band);
        }

        /** From opening the page to the cancellation: under 30 s, 2 min, 10 min, 1 h, or longer; null when untimed. */
        String journey() {
            if (journeyStartedAt == null) {
                return null;
            }
            long seconds = Duration.between(journeyStartedAt, requestedAt).toSeconds();
            int bucket = seconds < 30 ? 0 : seconds < 120 ? 1 : seconds < 600 ? 2 : seconds < 3600 ? 3 : 4;
            return JOURNEYS.get(bucket);
        }
    }

    /** An answer as its row tells it; a missing reason is counted under the empty key, as the dashboard shows it. */
    private record AnswerFacts(Instant submittedAt, String plan, String tenureBand, String channel, String locale,
                               String reason) {

        boolean in(InsightsFilter filter) {
            return inPeriod(filter, submittedAt) && wanted(filter.plan(), plan)
                    && wanted(filter.tenureBand(), tenureBand) && wanted(filter.channel(), channel)
                    && wanted(filter.language(), language(locale)) && wanted(filter.reason(), reason);
        }

        LocalDate day() {
            return LocalDate.ofInstant(submittedAt, ZoneOffset.UTC);
        }

        String reasonKey() {
            return reason == null ? "" : reason;
        }
    }

    /** Days are UTC days, both ends of the period included. */
    private static boolean inPeriod(InsightsFilter filter, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return !day.isBefore(filter.from()) && !day.isAfter(filter.to());
    }

    private static boolean wanted(String wanted, String value) {
        return wanted == null || wanted.equals(value);
    }

    /** "de-AT" is counted as "de". */
    private static String language(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? locale : locale.substring(0, dash);
    }

    /**
     * The figures of a filter as plain values, each share written "key=count share": they compare equal whether the
     * dashboard's classes made them or this test counted them.
     */
    private record Figures(List<Long> cancelledUndoneInvitedResponded, List<String> journey, List<String> tenure,
                           long responses, List<String> reasons) {

        static Figures of(CancellationTotals totals, List<Share> tenure, long responses, List<Share> reasons) {
            return new Figures(List.of(totals.cancelled(), totals.undone(), totals.invited(), totals.responded()),
                    shown(totals.journey()), shown(tenure), responses, shown(reasons));
        }

        static Figures counted(InsightsFilter filter, List<CancellationFacts> cancellations,
                               List<AnswerFacts> answers) {
            List<CancellationFacts> in = cancellations.stream().filter(cancellation -> cancellation.in(filter))
                    .toList();
            Map<String, Long> byJourney = in.stream().filter(cancellation -> cancellation.journey() != null)
                    .collect(Collectors.groupingBy(CancellationFacts::journey, Collectors.counting()));
            long timed = byJourney.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> byBand = in.stream()
                    .collect(Collectors.groupingBy(CancellationFacts::band, Collectors.counting()));
            List<AnswerFacts> answered = answers.stream().filter(answer -> answer.in(filter)).toList();
            Map<String, Long> byReason = answered.stream()
                    .collect(Collectors.groupingBy(AnswerFacts::reasonKey, Collectors.counting()));
            List<String> reasons = byReason.entrySet().stream()
                    .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                            : Long.compare(b.getValue(), a.getValue()))
                    .map(reason -> share(reason.getKey(), reason.getValue(), answered.size())).toList();
            return new Figures(List.of((long) in.size(), in.stream().filter(CancellationFacts::undone).count(),
                    in.stream().mapToLong(CancellationFacts::invitationsSent).sum(),
                    in.stream().mapToLong(CancellationFacts::invitationsAnswered).sum()),
                    JOURNEYS.stream().map(bucket -> share(bucket, byJourney.getOrDefault(bucket, 0L), timed)).toList(),
                    BANDS.stream().map(band -> share(band, byBand.getOrDefault(band, 0L), in.size())).toList(),
                    answered.size(), reasons);
        }

        private static List<String> shown(List<Share> shares) {
            return shares.stream().map(share -> String.format(Locale.ROOT, "%s=%d %.6f", share.key(), share.count(),
                    share.share())).toList();
        }

        private static String share(String key, long count, long whole) {
            return String.format(Locale.ROOT, "%s=%d %.6f", key, count, whole == 0 ? 0 : (double) count / whole);
        }
    }

    private static Map<String, Long> keyed(WeeklyTrend trend) {
        Map<String, Long> keyed = new java.util.HashMap<>();
        trend.countsByReason().forEach((reason, perWeek) -> {
            for (int week = 0; week < perWeek.length; week++) {
                if (perWeek[week] != 0) {
                    keyed.put(reason + " " + trend.weeks().get(week), perWeek[week]);
                }
            }
        });
        return keyed;
    }

    private static LocalDate[] period(LocalDate from, LocalDate to) {
        return new LocalDate[]{from, to};
    }

    private static LocalDate[] period(String from, String to) {
        return period(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Map<String, Long> percents(List<Share> shares) {
        return shares.stream().collect(Collectors.toMap(Share::key, Share::percent));
    }

    private static InsightsFilter all() {
        return filter(null, null, null, null, null);
    }

    private static InsightsFilter filter(String plan, String band, String channel, String language, String reason) {
        return new InsightsFilter(FROM, TO, plan, band, channel, language, reason);
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }
}
