package org.cancelportal.bench;

import java.util.Objects;
import org.cancelportal.insights.control.Cursor;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.InsightsQueries;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;

/**
 * Times everything the dashboard reads for one filter: each figure from the daily tables next to the same figure
 * from the base tables, then the pages of answers, then all of it together as one page view asks for it.
 */
final class DashboardRun {

    static final int PAGE_SIZE = 50;
    static final int DEEP_PAGE_SKIPPED = 10_000;

    private final SharedConnection shared;
    private final InsightsQueries insights;
    private final ResponseReader reader;
    private final BaseTableQueries base;
    private final QueryPlans plans;
    private final Stopwatch stopwatch;

    DashboardRun(SharedConnection shared, QueryPlans plans, Stopwatch stopwatch) {
        this.shared = shared;
        this.insights = new InsightsQueries(shared);
        this.reader = new ResponseReader(shared);
        this.base = new BaseTableQueries(shared.getConnection());
        this.plans = plans;
        this.stopwatch = stopwatch;
    }

    /** Searches for a common and a rare word of the filter's language, and for one no answer contains. */
    void run(String slug, String title, InsightsFilter filter, String commonWord, String rareWord) throws Exception {
        System.out.printf("%n%s%n", title);
        System.out.printf("  %-44s %18s %20s %16s %6s%n", "", "daily tables", "base tables", "base ÷ daily", "same");
        System.out.printf("  %-44s %9s %8s %11s %8s %8s %7s %6s%n", "figure", "p50 ms", "p95 ms", "p50 ms",
                "p95 ms", "p50", "p95", "result");
        compare(slug, "totals", () -> Figures.of(insights.totals(filter)), () -> base.totals(filter));
        compare(slug, "responses", () -> Figures.of(insights.responses(filter)), () -> base.responses(filter));
        compare(slug, "reasons", () -> Figures.of(insights.reasons(filter)), () -> base.reasons(filter));
        compare(slug, "weeklyTrend", () -> Figures.of(insights.weeklyTrend(filter)), () -> base.weeklyTrend(filter));
        compare(slug, "tenure", () -> Figures.of(insights.tenure(filter)), () -> base.tenure(filter));

        System.out.printf("  %-44s %9s %8s%n", "answers, " + PAGE_SIZE + " a page, newest first", "p50 ms", "p95 ms");
        ResponseQuery all = new ResponseQuery(filter, null, null, null, false, null, PAGE_SIZE);
        ResponseQuery withWords = new ResponseQuery(filter, null, null, null, true, null, PAGE_SIZE);
        Cursor deep = base.cursorAfter(filter, DEEP_PAGE_SKIPPED);
        time(slug, "page-first", "first page", () -> reader.page(all));
        time(slug, "page-words", "first page, only answers with words", () -> reader.page(withWords));
        time(slug, "page-deep", "page %d by cursor (after %,d answers)".formatted(DEEP_PAGE_SKIPPED / PAGE_SIZE + 1,
                DEEP_PAGE_SKIPPED), () -> reader.page(all.after(deep)));
        time(slug, "search-common", "search \"" + commonWord + "\" (common)",
                () -> reader.page(search(filter, commonWord)));
        time(slug, "search-rare", "search \"" + rareWord + "\" (rare)", () -> reader.page(search(filter, rareWord)));
        time(slug, "search-none", "search \"blockchain\" (in no answer)",
                () -> reader.page(search(filter, "blockchain")));
        time(slug, "dashboard", "all figures + first page with words", () -> {
            Objects.requireNonNull(insights.summary(filter));
            return reader.page(withWords);
        });
    }

    private static ResponseQuery search(InsightsFilter filter, String words) {
        return new ResponseQuery(filter, words, null, null, false, null, PAGE_SIZE);
    }

    private void compare(String slug, String name, Stopwatch.Work daily, Stopwatch.Work baseTables) throws Exception {
        Timings[] timings = stopwatch.time(daily, baseTables);
        shared.record();
        Object fromDaily = daily.run();
        plans.save(slug + "-" + name + "-daily", shared.recorded());
        shared.record();
        Object fromBase = baseTables.run();
        plans.save(slug + "-" + name + "-base", shared.recorded());
        System.out.printf("  %-44s %9.1f %8.1f %11.1f %8.1f %7.0f× %6.0f× %6s%n", name, timings[0].p50(),
                timings[0].p95(), timings[1].p50(), timings[1].p95(), timings[1].p50() / timings[0].p50(),
                timings[1].p95() / timings[0].p95(), fromDaily.equals(fromBase) ? "yes" : "NO");
        if (!fromDaily.equals(fromBase)) {
            System.out.println("    daily tables: " + fromDaily + "\n    base tables:  " + fromBase);
        }
    }

    private void time(String slug, String name, String label, Stopwatch.Work work) throws Exception {
        Timings timings = stopwatch.time(work);
        shared.record();
        work.run();
        plans.save(slug + "-" + name, shared.recorded());
        System.out.printf("  %-44s %9.1f %8.1f%n", label, timings.p50(), timings.p95());
    }
}
