package org.cancelportal.insights.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A period of days cut into the whole weeks (Monday to Sunday) it contains and the days left over at its start and
 * end, so that the whole weeks can be read from the weekly table and only the rest from the daily one. All ranges
 * are half-open: a start day included, an end day excluded. A period without a whole week is all left-over days.
 *
 * @param from       the period's first day
 * @param wholeFrom  the first whole week's Monday; the days before it are left over at the start
 * @param wholeUntil the Monday after the last whole week; from there to {@code until} the days are left over
 * @param until      the day after the period
 */
record PeriodWeeks(LocalDate from, LocalDate wholeFrom, LocalDate wholeUntil, LocalDate until) {

    /** The period from {@code from} to {@code to}, both included. */
    static PeriodWeeks of(LocalDate from, LocalDate to) {
        LocalDate until = to.plusDays(1);
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastWholeEnd = until.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return firstMonday.isBefore(lastWholeEnd)
                ? new PeriodWeeks(from, firstMonday, lastWholeEnd, until)
                : new PeriodWeeks(from, until, until, until);
    }
}
