package org.cancelportal.insights.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/** Answers per reason per week; each array has one count per week, in the order of {@link #weeks()}. */
public record WeeklyTrend(List<LocalDate> weeks, Map<String, long[]> countsByReason) {

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public long[] counts(String reason) {
        return countsByReason.getOrDefault(reason, new long[weeks.size()]);
    }

    public long max() {
        return countsByReason.values().stream().flatMapToLong(java.util.Arrays::stream).max().orElse(0);
    }
}
