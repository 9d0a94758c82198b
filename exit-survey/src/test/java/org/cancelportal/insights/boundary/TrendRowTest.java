package org.cancelportal.insights.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reason's weekly bars share one scale with every other reason's, so bars of different reasons compare by height;
 * the positions split the chart's width evenly between the weeks.
 */
class TrendRowTest {

    @Test
    void eachWeekGetsAnEqualSlotAndABarAsHighAsItsCountIsOfTheSharedScale() {
        TrendRow row = TrendRow.of("unused", "I don't use it enough", new long[]{0, 1, 4, 2}, 8);

        assertEquals(List.of(new TrendRow.Bar(0, 20, 0, 0), new TrendRow.Bar(25, 20, 12.5, 1),
                new TrendRow.Bar(50, 20, 50, 4), new TrendRow.Bar(75, 20, 25, 2)), row.bars());
        assertEquals(List.of(0L, 1L, 4L, 2L), row.counts());
        assertEquals(7, row.total());
        assertEquals("unused", row.key());
        assertEquals("I don't use it enough", row.label());
    }

    @Test
    void theReasonWithTheHighestWeekFillsTheChartsHeight() {
        assertEquals(100, TrendRow.of("too_expensive", "Too expensive", new long[]{3, 5}, 5).bars().get(1).height());
    }

    /** A period without answers has a scale of 0: flat bars, not a division by zero. */
    @Test
    void withoutAnyAnswersEveryBarIsFlat() {
        TrendRow row = TrendRow.of("other", "Another reason", new long[]{0, 0, 0}, 0);

        assertEquals(List.of(0.0, 0.0, 0.0), row.bars().stream().map(TrendRow.Bar::height).toList());
        assertEquals(0, row.total());
    }

    @Test
    void withoutWeeksThereAreNoBars() {
        TrendRow row = TrendRow.of("other", "Another reason", new long[0], 0);

        assertEquals(List.of(), row.bars());
        assertEquals(0, row.total());
    }
}
