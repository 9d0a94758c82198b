package org.cancelportal.webhook.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cancelportal.survey.entity.SurveyResponse;

/**
 * The data of survey.response_received. An anonymous answer says what was answered and on which plan, and the day
 * (never the time): nothing about the person (no ids, no tenure, channel or language, which could single them out
 * among a plan's few cancellations), so the operator cannot tell whose it is. A named answer adds the operator's own
 * ids, the cancellation's reference and the exact time.
 */
final class SurveyAnswerData {

    /** Who a named answer is from, in the operator's own ids. */
    record Named(String subscription, String subscriber, String reference) {
    }

    private SurveyAnswerData() {
    }

    static JsonObjectBuilder of(SurveyResponse answer, Optional<Named> named) {
        if (named.isPresent() != answer.isNamed()) {
            throw new IllegalArgumentException("an answer's identity goes with a named answer only");
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("anonymous", named.isEmpty());
        named.ifPresent(who -> data
                .add("subscription", orNull(who.subscription()))
                .add("subscriber", orNull(who.subscriber()))
                .add("cancellation", Json.createObjectBuilder().add("reference", who.reference())));
        return data
                .add("answered_at", named.isPresent() ? answer.getSubmittedAt().toString()
                        : answer.getSubmittedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .add("plan", Json.createObjectBuilder()
                        .add("code", answer.getPlanCode())
                        .add("billing_period", answer.getBillingPeriod()))
                .add("answer", Json.createObjectBuilder()
                        .add("reason", orNull(answer.getReasonCode()))
                        .add("comment", orNull(answer.getComment()))
                        .add("fair_outcome", orNull(answer.getFairOutcome()))
                        .add("contact_consent", answer.isContactConsent()));
    }

    private static JsonValue orNull(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }
}
