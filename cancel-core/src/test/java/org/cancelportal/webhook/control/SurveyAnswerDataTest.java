package org.cancelportal.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.survey.entity.SurveyResponse;
import org.junit.jupiter.api.Test;

/** What an operator's endpoint reads of a survey answer: all of a named one, nothing of whose an anonymous one is. */
class SurveyAnswerDataTest {

    /** A fixed instant, late in a UTC day, so that a time kept anywhere would show in the date. */
    private static final Instant GIVEN = Instant.parse("2026-03-04T23:41:07.123Z");
    private static final SurveyAnswerData.Named EVA = new SurveyAnswerData.Named("sub_eva", "cus_eva", "CX-7KQ2-9MXD");

    @Test
    void aNamedAnswerCarriesTheOperatorsIdsTheReferenceAndTheExactTime() {
        JsonObject data = SurveyAnswerData.of(answer(false, true), Optional.of(EVA)).build();

        assertFalse(data.getBoolean("anonymous"));
        assertEquals("sub_eva", data.getString("subscription"));
        assertEquals("cus_eva", data.getString("subscriber"));
        assertEquals("CX-7KQ2-9MXD", data.getJsonObject("cancellation").getString("reference"));
        assertEquals("2026-03-04T23:41:07.123Z", data.getString("answered_at"));
        assertEquals("too_expensive", data.getJsonObject("answer").getString("reason"));
        assertTrue(data.getJsonObject("answer").getBoolean("contact_consent"));
    }

    @Test
    void anAnonymousAnswerCarriesTheAnswerThePlanAndTheDayOnly() {
        JsonObject data = SurveyAnswerData.of(answer(true, true), Optional.empty()).build();

        assertEquals(Set.of("anonymous", "answered_at", "plan", "answer"), data.keySet(), data.toString());
        assertTrue(data.getBoolean("anonymous"));
        assertEquals("2026-03-04", data.getString("answered_at"));
        assertEquals("basic-monthly", data.getJsonObject("plan").getString("code"));
        assertEquals("MONTHLY", data.getJsonObject("plan").getString("billing_period"));
        JsonObject answer = data.getJsonObject("answer");
        assertEquals("too_expensive", answer.getString("reason"));
        assertEquals("Twice a year is not worth it.", answer.getString("comment"));
        assertEquals("A pause button.", answer.getString("fair_outcome"));
        assertFalse(answer.getBoolean("contact_consent"), "ticked, but an anonymous answer cannot be replied to");
        for (String personal : new String[] {"sub_eva", "cus_eva", "CX-", "12 months", "SUPPORT", "de-DE", "T23:"}) {
            assertFalse(data.toString().contains(personal), personal + " in " + data);
        }
    }

    @Test
    void questionsLeftOutAreNull() {
        SurveyResponse answer = new SurveyResponse(snapshot(), "hash", GIVEN, GIVEN.plus(Duration.ofHours(24)));
        answer.answer(null, null, null, false, true, GIVEN);

        JsonObject given = SurveyAnswerData.of(answer, Optional.empty()).build().getJsonObject("answer");

        assertEquals(JsonValue.NULL, given.get("reason"));
        assertEquals(JsonValue.NULL, given.get("comment"));
        assertEquals(JsonValue.NULL, given.get("fair_outcome"));
    }

    @Test
    void anIdentityNeverGoesWithAnAnonymousAnswer() {
        assertThrows(IllegalArgumentException.class, () -> SurveyAnswerData.of(answer(true, false), Optional.of(EVA)));
        assertThrows(IllegalArgumentException.class, () -> SurveyAnswerData.of(answer(false, false), Optional.empty()));
    }

    private static SurveyResponse answer(boolean anonymous, boolean contact) {
        SurveyResponse answer = new SurveyResponse(snapshot(), "hash", GIVEN, GIVEN.plus(Duration.ofHours(24)));
        answer.answer("too_expensive", "Twice a year is not worth it.", "A pause button.", contact, anonymous,
                GIVEN.plusSeconds(60));
        return answer;
    }

    private static SurveyResponse.Snapshot snapshot() {
        return new SurveyResponse.Snapshot(41L, 42L, 7L, "basic-monthly", "MONTHLY", "12 months", "SUPPORT", "de-DE",
                "2026-03");
    }
}
