package org.cancelportal.bench;

import java.util.Objects;
import org.cancelportal.insights.control.Cursor;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.InsightsQueries;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;

/**
 * Times everything the dashboard reads for one filter: each figure from the daily tables next to the same figure
 * from the base tables; then the pages of answers, each as a pooled connection runs it (prepared on the server after
 * a few runs, and then possibly with a generic plan) next to a connection that plans every run for its values; then
 * all of it together as one page view asks for it.
 */
final class DashboardRun {

    static final int PAGE_SIZE = 50;
    static final int DEEP_PAGE_SKIPPED = 10_000;

    private final SharedConnection shared;
    private final SharedConnection customPlans;
    private final InsightsQueries insights;
    private final InsightsQueries insightsCustom;
    private final ResponseReader reader;
    private final ResponseReader readerCustom;
    private final BaseTableQueries base;
    private final DailyTableTrend dailyTrend;
    private final QueryPlans plans;
    private final Stopwatch stopwatch;

    DashboardRun(SharedConnection shared, SharedConnection customPlans, QueryPlans plans, Stopwatch stopwatch) {
        this.shared = shared;
        this.customPlans = customPlans;
        this.insights = new InsightsQueries(shared);
        this.insightsCustom = new InsightsQueries(customPlans);
        this.reader = new ResponseReader(shared);
        this.readerCustom = new ResponseReader(customPlans);
        this.base = new BaseTableQueries(shared.getConnection());
        this.dailyTrend = new DailyTableTrend(shared);
        this.plans = plans;
        this.stopwatch = stopwatch;
    }

    /** Searches for a common and a rare word of the filter's language, and for one no answer contains. */
    void run(String slug, String title, InsightsFilter filter, String commonWord, String rareWord) throws Exception {
        System.out.printf("%n%s%n", title);
        System.out.printf("  %-40s %18s %20s %20s %16s %7s%n", "", "daily, prepared", "daily, custom plans",
                "base tables", "base ÷ daily", "same");
        System.out.printf("  %-40s %9s %8s %11s %8s %11s %8s %8s %7s %7s%n", "figure", "p50 ms", "p95 ms", "p50 ms",
                "p95 ms", "p50 ms", "p95 ms", "p50", "p95", "result");
        compare(slug, "totals", () -> Figures.of(insights.totals(filter)),
                () -> Figures.of(insightsCustom.totals(filter)), () -> base.totals(filter));
        compare(slug, "responses", () -> Figures.of(insights.responses(filter)),
                () -> Figures.of(insightsCustom.responses(filter)), () -> base.responses(filter));
        compare(slug, "reasons", () -> Figures.of(insights.reasons(filter)),
                () -> Figures.of(insightsCustom.reasons(filter)), () -> base.reasons(filter));
        compare(slug, "weeklyTrend", () -> Figures.of(insights.weeklyTrend(filter)),
                () -> Figures.of(insightsCustom.weeklyTrend(filter)), () -> base.weeklyTrend(filter));
        compare(slug, "tenure", () -> Figures.of(insights.tenure(filter)),
                () -> Figures.of(insightsCustom.tenure(filter)), () -> base.tenure(filter));
        compareGrains(slug, filter);

        System.out.printf("  %-40s %18s %20s %20s%n", "", "prepared", "custom plans", "prepared ÷ custom");
        System.out.printf("  %-40s %9s %8s %11s %8s %8s %7s%n", "answers, " + PAGE_SIZE + " a page, newest first",
                "p50 ms", "p95 ms", "p50 ms", "p95 ms", "p50", "p95");
        ResponseQuery all = new ResponseQuery(filter, null, null, null, false, null, PAGE_SIZE);
        ResponseQuery withWords = new ResponseQuery(filter, null, null, null, true, null, PAGE_SIZE);
        ResponseQuery deep = all.after(base.cursorAfter(filter, DEEP_PAGE_SKIPPED));
        page(slug, "page-first", "first page", all);
        page(slug, "page-words", "first page, only answers with words", withWords);
        page(slug, "page-deep", "page %d by cursor (after %,d answers)".formatted(DEEP_PAGE_SKIPPED / PAGE_SIZE + 1,
                DEEP_PAGE_SKIPPED), deep);
        page(slug, "search-common", "search \"" + commonWord + "\" (common)", search(filter, commonWord));
        page(slug, "search-rare", "search \"" + rareWord + "\" (rare)", search(filter, rareWord));
        page(slug, "search-none", "search \"blockchain\" (in no answer)", search(filter, "blockchain"));
        pair(slug, "dashboard", "all figures + first page with words", () -> {
            Objects.requireNonNull(insights.summary(filter));
            return reader.page(withWords);
        }, () -> {
            Objects.requireNonNull(insightsCustom.summary(filter));
            return readerCustom.page(withWords);
        });
    }

    /** The weekly trend from whole weeks and left-over days against the daily table alone, in turns. */
    private void compareGrains(String slug, InsightsFilter filter) throws Exception {
        Stopwatch.Work weekly = () -> Figures.of(insights.weeklyTrend(filter));
        Stopwatch.Work daily = () -> dailyTrend.weeklyTrend(filter);
        Timings[] timings = stopwatch.timeSideBySide(weekly, daily);
        shared.record();
        Object fromDaily = daily.run();
        plans.save(slug + "-weeklyTrend-daily-alone", shared);
        System.out.printf("  %-40s %18s %20s %20s %7s%n", "", "whole weeks + days", "daily table alone",
                "alone ÷ weeks", "same");
        System.out.printf("  %-40s %9s %8s %11s %8s %8s %7s %7s%n", "", "p50 ms", "p95 ms", "p50 ms", "p95 ms",
                "p50", "p95", "result");
        System.out.printf("  %-40s %9.1f %8.1f %11.1f %8.1f %7.1f× %5.1f× %7s%n",
                "weeklyTrend", timings[0].p50(), timings[0].p95(), timings[1].p50(),
                timings[1].p95(), timings[1].p50() / timings[0].p50(), timings[1].p95() / timings[0].p95(),
                weekly.run().equals(fromDaily) ? "yes" : "NO");
    }

    private static ResponseQuery search(InsightsFilter filter, String words) {
        return new ResponseQuery(filter, words, null, null, false, null, PAGE_SIZE);
    }

    /**
     * The base-table figure is the slowest: it runs fewer times, in turns with the prepared daily one. The ratio is
     * over the slower of the two daily columns, so it is the least the daily tables save.
     */
    private void compare(String slug, String name, Stopwatch.Work daily, Stopwatch.Work dailyCustom,
                         Stopwatch.Work baseTables) throws Exception {
        Timings[] dailyTimings = stopwatch.timeSideBySide(daily, dailyCustom);
        Timings[] baseTimings = stopwatch.timeWithSlower(daily, baseTables);
        shared.record();
        Object fromDaily = daily.run();
        plans.save(slug + "-" + name + "-daily", shared);
        shared.record();
        Object fromBase = baseTables.run();
        plans.save(slug + "-" + name + "-base", shared);
        Timings prepared = dailyTimings[0];
        Timings custom = dailyTimings[1];
        Timings fromRows = baseTimings[1];
        System.out.printf("  %-40s %9.1f %8.1f %11.1f %8.1f %11.1f %8.1f %7.0f× %6.0f× %7s%n", name, prepared.p50(),
                prepared.p95(), custom.p50(), custom.p95(), fromRows.p50(), fromRows.p95(),
                fromRows.p50() / Math.max(prepared.p50(), custom.p50()),
                fromRows.p95() / Math.max(prepared.p95(), custom.p95()), fromDaily.equals(fromBase) ? "yes" : "NO");
        if (!fromDaily.equals(fromBase) || !fromDaily.equals(dailyCustom.run())) {
            System.out.println("    daily tables: " + fromDaily + "\n    base tables:  " + fromBase);
        }
    }

    private void page(String slug, String name, String label, ResponseQuery query) throws Exception {
        pair(slug, name, label, () -> reader.page(query), () -> readerCustom.page(query));
    }

    private void pair(String slug, String name, String label, Stopwatch.Work prepared, Stopwatch.Work custom)
            throws Exception {
        Timings[] timings = stopwatch.timeSideBySide(prepared, custom);
        shared.record();
        prepared.run();
        plans.save(slug + "-" + name, shared);
        System.out.printf("  %-40s %9.1f %8.1f %11.1f %8.1f %7.1f× %5.1f×%n", label, timings[0].p50(),
                timings[0].p95(), timings[1].p50(), timings[1].p95(), timings[0].p50() / timings[1].p50(),
                timings[0].p95() / timings[1].p95());
    }
}
