package org.cancelportal.insights.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The dashboard's figures, read from the daily and weekly tables the database keeps in step with every cancellation,
 * undo, invitation and answer. Honest by construction: a cancellation that was undone counts as undone, nothing else.
 */
@ApplicationScoped
public class InsightsQueries {

    /** Journey buckets as stored in journey_1..journey_5 (see V4__insights.sql). */
    public static final List<String> JOURNEY_BUCKETS =
            List.of("under_30_seconds", "30_seconds_to_2_minutes", "2_to_10_minutes", "10_to_60_minutes", "over_1_hour");
    public static final List<String> TENURE_BANDS =
            List.of("under_1_month", "1_to_6_months", "6_to_12_months", "1_to_2_years", "over_2_years");
    /** How an answer without a chosen reason is stored in insights_response_day. */
    public static final String NO_REASON = "";

    /** Confirmed by its deadline and never marked overdue. */
    private static final String PAID_IN_TIME = "(r.overdue_since IS NULL AND r.confirmed_at <= r.due_by)";

    /** The rows a cancellation's facets come from, joined as InsightsFilter.onCancellations names them. */
    private static final String CANCELLATION_FACETS = " JOIN subscription s ON s.id = c.subscription_id"
            + " JOIN plan p ON p.id = s.plan_id JOIN subscriber who ON who.id = s.subscriber_id";

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    protected InsightsQueries() {
    }

    public InsightsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Everything the dashboard shows, in four reads (the last counts the period's withdrawals). The reasons and the number of answers are summed from the weekly
     * trend rather than read again; the cancellations' totals and tenure come from one read grouped by band; the
     * follow-through figures from one more.
     */
    public InsightsSummary summary(InsightsFilter filter) {
        WeeklyTrend trend = weeklyTrend(filter);
        List<Share> reasons = ranked(trend);
        long responses = reasons.stream().mapToLong(Share::count).sum();
        CancellationsByBand cancellations = CancellationsByBand.read(dataSource, filter);
        return new InsightsSummary(filter, cancellations.totals(), responses, reasons, trend, cancellations.tenure(),
                followThrough(filter), withdrawals(filter));
    }

    /**
     * Withdrawals in the period, with the cancellations' facets (not the reason: nobody is asked why they withdrew).
     * Read from the withdrawal table itself, so they can never be counted as cancellations.
     */
    public long withdrawals(InsightsFilter filter) {
        Conditions where = filter.onWithdrawals();
        return Jdbc.list(dataSource, "SELECT count(*) FROM withdrawal w JOIN subscription s ON s.id = w.subscription_id"
                        + " JOIN plan p ON p.id = s.plan_id JOIN subscriber who ON who.id = s.subscriber_id"
                        + where.sql(), where.parameters(), row -> row.getLong(1)).get(0);
    }

    private static List<Share> ranked(WeeklyTrend trend) {
        Map<String, Long> totals = new LinkedHashMap<>();
        trend.countsByReason().forEach((reason, perWeek) -> totals.put(reason, java.util.Arrays.stream(perWeek).sum()));
        long all = totals.values().stream().mapToLong(Long::longValue).sum();
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(reason -> Share.of(reason.getKey(), reason.getValue(), all)).toList();
    }

    public CancellationTotals totals(InsightsFilter filter) {
        return CancellationsByBand.read(dataSource, filter).totals();
    }

    /** Answers received in the period, whatever reason they gave. */
    public long responses(InsightsFilter filter) {
        Conditions where = filter.onDays(true);
        return Jdbc.list(dataSource, "SELECT coalesce(sum(responses), 0) FROM insights_response_day" + where.sql(),
                where.parameters(), row -> row.getLong(1)).get(0);
    }

    /** Reasons given, most frequent first; the share is of all answers, including those that gave no reason. */
    public List<Share> reasons(InsightsFilter filter) {
        Conditions where = filter.onDays(true);
        List<Share> counted = Jdbc.list(dataSource, "SELECT reason_code, sum(responses) FROM insights_response_day"
                        + where.sql() + " GROUP BY reason_code HAVING sum(responses) > 0 ORDER BY 2 DESC, 1",
                where.parameters(), row -> new Share(row.getString(1), row.getLong(2), 0));
        long all = counted.stream().mapToLong(Share::count).sum();
        return counted.stream().map(share -> Share.of(share.key(), share.count(), all)).toList();
    }

    /**
     * Answers per reason per week (weeks start on Monday; the first and last may be cut by the period). Whole weeks
     * come from the weekly table, the days the period cuts off a week from the daily one: about a quarter of the rows
     * the daily table alone would need for 90 days. One statement, so all weeks are counted at the same moment.
     */
    public WeeklyTrend weeklyTrend(InsightsFilter filter) {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate monday = WeeklyTrend.mondayOf(filter.from()); !monday.isAfter(filter.to());
             monday = monday.plusWeeks(1)) {
            weeks.add(monday);
        }
        PeriodWeeks period = PeriodWeeks.of(filter.from(), filter.to());
        Conditions whole = filter.onWholeWeeks(period);
        Conditions leftOver = filter.onDaysLeftOver(period);
        List<Object> parameters = new ArrayList<>(whole.parameters());
        parameters.addAll(leftOver.parameters());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Jdbc.listSerially(dataSource, "SELECT reason_code, week, sum(responses) FROM ("
                        + "SELECT reason_code, week, responses FROM insights_response_week" + whole.sql()
                        + " UNION ALL SELECT reason_code, monday_of(day), responses FROM insights_response_day"
                        + leftOver.sql() + ") answers GROUP BY 1, 2 HAVING sum(responses) > 0",
                parameters, row -> new WeekCount(row.getString(1), row.getDate(2).toLocalDate(), row.getLong(3)))
                .forEach(count -> counts.computeIfAbsent(count.reason(), reason -> new long[weeks.size()])
                        [weeks.indexOf(count.week())] += count.answers());
        return new WeeklyTrend(weeks, counts);
    }

    private record WeekCount(String reason, LocalDate week, long answers) {
    }

    /**
     * What became of the refunds and renewals of the cancellations the filter selects: the period by the
     * cancellation's requested_at (UTC days), plan, time with us, channel and language as for every cancellation
     * figure; not the reason, which narrows answers only. Read from the base tables (a refund or renewal row is joined
     * to its cancellation by key), in one statement so all figures are of the same moment. A refund is paid late when
     * it was marked overdue or confirmed after its deadline before the overdue check came round.
     */
    public FollowThrough followThrough(InsightsFilter filter) {
        Conditions refunds = filter.onCancellations();
        Conditions openRenewals = filter.onCancellations().add("held.resolved_at IS NULL");
        List<Object> parameters = new ArrayList<>(openRenewals.parameters());
        parameters.addAll(refunds.parameters());
        return Jdbc.list(dataSource, "SELECT count(*) FILTER (WHERE r.status = 'DUE'),"
                        + " count(*) FILTER (WHERE r.status = 'PAID' AND " + PAID_IN_TIME + "),"
                        + " count(*) FILTER (WHERE r.status = 'PAID' AND NOT " + PAID_IN_TIME + "),"
                        + " count(*) FILTER (WHERE r.status = 'OVERDUE'), count(*) FILTER (WHERE r.status = 'FAILED'),"
                        + " extract(EPOCH FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY r.confirmed_at - r.due_since)"
                        + " FILTER (WHERE r.status = 'PAID')),"
                        + " (SELECT count(*) FROM renewal_after_cancellation held"
                        + " JOIN cancellation c ON c.id = held.cancellation_id" + CANCELLATION_FACETS
                        + openRenewals.sql() + ")"
                        + " FROM refund r JOIN cancellation c ON c.id = r.cancellation_id" + CANCELLATION_FACETS
                        + refunds.sql(),
                parameters, row -> {
                    double seconds = row.getDouble(6);
                    Duration median = row.wasNull() ? null : Duration.ofSeconds(Math.round(seconds));
                    return new FollowThrough(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), median, row.getLong(7));
                }).get(0);
    }

    /** Cancellations by how long the subscription had run, in band order. */
    public List<Share> tenure(InsightsFilter filter) {
        return CancellationsByBand.read(dataSource, filter).tenure();
    }
}
