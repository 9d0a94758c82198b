package org.cancelportal.survey.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an answer may reach its operator: once final, and an anonymous one at a time that tells only its day. */
class SurveyResponseTest {

    private static final Duration WINDOW = Duration.ofHours(24);

    @Test
    void aNamedAnswerIsAnnouncedWhenItCanNoLongerChange() {
        Instant given = Instant.parse("2026-03-04T09:15:00Z");
        SurveyResponse answer = answered(given, false, 7L);

        assertTrue(answer.isNamed());
        assertEquals(given.plus(WINDOW), answer.getAnnounceAfter());
    }

    @Test
    void anAnonymousAnswerWaitsForTheMidnightAfterItsWindowWhateverTheTimeOfDayItWasGiven() {
        for (String time : new String[] {"2026-03-04T00:00:00Z", "2026-03-04T09:15:00Z", "2026-03-04T23:59:59Z"}) {
            SurveyResponse answer = answered(Instant.parse(time), true, 7L);

            assertFalse(answer.isNamed());
            assertEquals(Instant.parse("2026-03-06T00:00:00Z"), answer.getAnnounceAfter(), time);
        }
    }

    @Test
    void becomingAnonymousWithinTheWindowMovesTheAnnouncementToMidnight() {
        Instant given = Instant.parse("2026-03-04T09:15:00Z");
        SurveyResponse answer = answered(given, false, 7L);

        answer.answer("unused", null, null, false, true, given.plus(Duration.ofHours(2)));

        assertNull(answer.getSubscriberId());
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), answer.getAnnounceAfter());
        answer.answer("unused", null, null, false, false, given.plus(Duration.ofHours(3)));
        assertFalse(answer.isNamed(), "an anonymous answer forgets whose it was for good");
        assertEquals(Instant.parse("2026-03-06T00:00:00Z"), answer.getAnnounceAfter());
    }

    @Test
    void anAnswerWithoutAnOperatorIsNeverAnnounced() {
        assertNull(answered(Instant.parse("2026-03-04T09:15:00Z"), false, null).getAnnounceAfter());
    }

    private static SurveyResponse answered(Instant given, boolean anonymous, Long operator) {
        SurveyResponse answer = new SurveyResponse(new SurveyResponse.Snapshot(41L, 42L, operator, "basic", "MONTHLY",
                "under_1_month", "WEB", "en", "2026-03"), "hash", given, given.plus(WINDOW));
        answer.answer("too_expensive", "Too much.", null, false, anonymous, given);
        return answer;
    }
}
