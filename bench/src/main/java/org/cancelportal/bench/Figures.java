package org.cancelportal.bench;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cancelportal.insights.control.CancellationTotals;
import org.cancelportal.insights.control.Share;
import org.cancelportal.insights.control.WeeklyTrend;

/** The dashboard's results as keyed counts (zeros left out), to compare them with {@link BaseTableQueries}. */
final class Figures {

    private Figures() {
    }

    static SortedMap<String, Long> of(CancellationTotals totals) {
        SortedMap<String, Long> figures = new TreeMap<>();
        figures.put("cancelled", totals.cancelled());
        figures.put("undone", totals.undone());
        figures.put("invited", totals.invited());
        figures.put("responded", totals.responded());
        totals.journey().forEach(bucket -> figures.put("journey " + bucket.key(), bucket.count()));
        return withoutZeros(figures);
    }

    static SortedMap<String, Long> of(long responses) {
        SortedMap<String, Long> figures = new TreeMap<>();
        figures.put("responses", responses);
        return figures;
    }

    static SortedMap<String, Long> of(List<Share> shares) {
        SortedMap<String, Long> figures = new TreeMap<>();
        shares.forEach(share -> figures.put(share.key(), share.count()));
        return withoutZeros(figures);
    }

    static SortedMap<String, Long> of(WeeklyTrend trend) {
        SortedMap<String, Long> figures = new TreeMap<>();
        trend.countsByReason().forEach((reason, perWeek) -> {
            for (int week = 0; week < perWeek.length; week++) {
                figures.put(reason + " " + trend.weeks().get(week), perWeek[week]);
            }
        });
        return withoutZeros(figures);
    }

    static SortedMap<String, Long> withoutZeros(SortedMap<String, Long> figures) {
        figures.values().removeIf(count -> count == 0);
        return figures;
    }
}
