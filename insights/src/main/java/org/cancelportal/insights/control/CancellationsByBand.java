package org.cancelportal.insights.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The cancellations' figures of a filter per tenure band, read in one pass over insights_cancellation_day: summed
 * over the bands they are the totals, and the cancelled column per band is the tenure chart. The dashboard needs
 * both, so the table is read once instead of twice.
 */
final class CancellationsByBand {

    /** cancelled, undone, invited, responded, then journey_1..journey_5, as in the table. */
    private static final int FIGURES = 4 + InsightsQueries.JOURNEY_BUCKETS.size();
    private static final int FIRST_JOURNEY = 4;

    private final Map<String, long[]> byBand = new LinkedHashMap<>();

    private CancellationsByBand() {
        InsightsQueries.TENURE_BANDS.forEach(band -> byBand.put(band, new long[FIGURES]));
    }

    static CancellationsByBand read(DataSource dataSource, InsightsFilter filter) {
        Conditions where = filter.onDays(false);
        CancellationsByBand figures = new CancellationsByBand();
        Jdbc.forEach(dataSource, "SELECT tenure_band, sum(cancelled), sum(undone), sum(invited), sum(responded),"
                        + " sum(journey_1), sum(journey_2), sum(journey_3), sum(journey_4), sum(journey_5)"
                        + " FROM insights_cancellation_day" + where.sql() + " GROUP BY tenure_band",
                where.parameters(), row -> {
                    long[] band = figures.byBand.computeIfAbsent(row.getString(1), code -> new long[FIGURES]);
                    for (int i = 0; i < FIGURES; i++) {
                        band[i] = row.getLong(2 + i);
                    }
                });
        return figures;
    }

    CancellationTotals totals() {
        long[] sums = new long[FIGURES];
        byBand.values().forEach(band -> {
            for (int i = 0; i < FIGURES; i++) {
                sums[i] += band[i];
            }
        });
        long timed = 0;
        for (int i = FIRST_JOURNEY; i < FIGURES; i++) {
            timed += sums[i];
        }
        List<Share> journey = new ArrayList<>();
        for (int i = FIRST_JOURNEY; i < FIGURES; i++) {
            journey.add(Share.of(InsightsQueries.JOURNEY_BUCKETS.get(i - FIRST_JOURNEY), sums[i], timed));
        }
        return new CancellationTotals(sums[0], sums[1], sums[2], sums[3], journey);
    }

    /** Cancellations per band, in band order. */
    List<Share> tenure() {
        long all = byBand.values().stream().mapToLong(band -> band[0]).sum();
        return byBand.entrySet().stream().map(band -> Share.of(band.getKey(), band.getValue()[0], all)).toList();
    }
}
