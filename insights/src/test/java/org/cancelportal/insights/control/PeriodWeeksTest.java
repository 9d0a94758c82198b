package org.cancelportal.insights.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 2 November 2026 is a Monday. */
class PeriodWeeksTest {

    @Test
    void aPeriodCutsItsFirstAndLastWeekAndKeepsTheWholeOnesBetween() {
        assertSplit("2026-10-28", "2026-11-24", "2026-11-02", "2026-11-23");
    }

    @Test
    void aPeriodOfWholeWeeksLeavesNoDaysOver() {
        assertSplit("2026-11-02", "2026-11-15", "2026-11-02", "2026-11-16");
    }

    @Test
    void aPeriodWithoutAWholeWeekIsAllDaysLeftOver() {
        assertSplit("2026-11-03", "2026-11-08", "2026-11-09", "2026-11-09");
        assertSplit("2026-11-06", "2026-11-10", "2026-11-11", "2026-11-11");
        assertSplit("2026-11-02", "2026-11-02", "2026-11-03", "2026-11-03");
    }

    @Test
    void theDefaultNinetyDaysAreTwelveWholeWeeksAndSixDays() {
        PeriodWeeks weeks = PeriodWeeks.of(LocalDate.parse("2026-08-26"), LocalDate.parse("2026-11-23"));

        assertEquals(LocalDate.parse("2026-08-31"), weeks.wholeFrom());
        assertEquals(LocalDate.parse("2026-11-23"), weeks.wholeUntil());
        assertEquals(LocalDate.parse("2026-11-24"), weeks.until());
    }

    private static void assertSplit(String from, String to, String wholeFrom, String wholeUntil) {
        PeriodWeeks weeks = PeriodWeeks.of(LocalDate.parse(from), LocalDate.parse(to));

        assertEquals(LocalDate.parse(from), weeks.from());
        assertEquals(LocalDate.parse(wholeFrom), weeks.wholeFrom());
        assertEquals(LocalDate.parse(wholeUntil), weeks.wholeUntil());
        assertEquals(LocalDate.parse(to).plusDays(1), weeks.until());
    }
}
