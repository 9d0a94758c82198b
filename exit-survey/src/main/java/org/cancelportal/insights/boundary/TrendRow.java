package org.cancelportal.insights.boundary;

import java.util.ArrayList;
import java.util.List;

/** A reason's answers per week, as bars on a scale shared by every reason (heights 0–100). */
public record TrendRow(String key, String label, List<Long> counts, List<Bar> bars) {

    /** Position and height of one week's bar, in percent of the chart. */
    public record Bar(double x, double width, double height, long count) {
    }

    static TrendRow of(String key, String label, long[] perWeek, long scale) {
        List<Long> counts = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        double slot = 100.0 / Math.max(1, perWeek.length);
        for (int week = 0; week < perWeek.length; week++) {
            counts.add(perWeek[week]);
            bars.add(new Bar(week * slot, slot * 0.8, scale == 0 ? 0 : 100.0 * perWeek[week] / scale, perWeek[week]));
        }
        return new TrendRow(key, label, counts, bars);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
