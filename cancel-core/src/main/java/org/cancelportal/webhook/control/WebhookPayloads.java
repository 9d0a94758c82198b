package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.cancelportal.brokenpromise.control.RenewalsAfterCancellation;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.publiccancel.control.DeclarationEvents;
import org.cancelportal.withdrawal.control.WithdrawalEvents;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.refund.control.RefundEvents;
import org.cancelportal.reminder.control.ReminderEvents;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.survey.control.SurveyAnnouncements;
import org.cancelportal.survey.entity.SurveyResponse;

/**
 * Which outbox events an operator can hear of, and the body each delivery sends: the operator's own ids, the
 * cancellation's reference, times in UTC, amounts as decimal strings. Built once, when the delivery is made, so every
 * attempt sends the very same bytes.
 */
@ApplicationScoped
public class WebhookPayloads {

    @PersistenceContext
    EntityManager em;

    /**
     * The body for each operator the event concerns: the subscription's operator, or for a declaration that waits for
     * support, the operators of the subscriptions it may mean (each told only of its own).
     */
    Map<Long, String> bodiesByOperator(OutboxEvent event, WebhookEventType type) {
        JsonObject payload = event.payloadObject();
        if (type == WebhookEventType.DECLARATION_RECEIVED) {
            return declaration(event, payload);
        }
        if (type == WebhookEventType.SURVEY_RESPONSE_RECEIVED) {
            return surveyAnswer(event, payload);
        }
        Subscription subscription = em.find(Subscription.class, payload.getJsonNumber("subscriptionId").longValue());
        if (subscription == null || subscription.getOperatorId() == null) {
            return Map.of();
        }
        return Map.of(subscription.getOperatorId(), body(event, type, payload, subscription));
    }

    private Map<Long, String> declaration(OutboxEvent event, JsonObject payload) {
        CancellationDeclaration declaration = em.find(CancellationDeclaration.class,
                Long.valueOf(event.getAggregateId()));
        Map<Long, JsonArrayBuilder> candidatesByOperator = new LinkedHashMap<>();
        for (JsonNumber id : payload.getJsonArray("candidateSubscriptionIds").getValuesAs(JsonNumber.class)) {
            Subscription subscription = em.find(Subscription.class, id.longValue());
            if (subscription != null && subscription.getOperatorId() != null) {
                candidatesByOperator.computeIfAbsent(subscription.getOperatorId(), operator -> Json.createArrayBuilder())
                        .add(Json.createObjectBuilder()
                                .add("subscription", orNull(subscription.getExternalReference()))
                                .add("subscriber", orNull(subscription.getSubscriber().getExternalId())));
            }
        }
        Declared declared = declaration.declared();
        Map<Long, String> bodies = new LinkedHashMap<>();
        candidatesByOperator.forEach((operator, candidates) -> {
            JsonObjectBuilder data = Json.createObjectBuilder()
                    .add("declaration", Json.createObjectBuilder()
                            .add("reference", declaration.getReference())
                            .add("received_at", declaration.getReceivedAt().toString())
                            .add("kind", declared.kind().name())
                            .add("desired_end", declared.desiredEnd() == null ? JsonValue.NULL
                                    : Json.createValue(declared.desiredEnd().toString()))
                            .add("contract_as_given", orNull(declared.contract()))
                            .add("status", "waiting_for_support"))
                    .add("candidates", candidates);
            bodies.put(operator, envelope(event, WebhookEventType.DECLARATION_RECEIVED, data));
        });
        return bodies;
    }

    /**
     * To the operator the answer belongs to, as the answer is now. An anonymous answer's identity is never even
     * looked up.
     */
    private Map<Long, String> surveyAnswer(OutboxEvent event, JsonObject payload) {
        SurveyResponse answer = em.find(SurveyResponse.class, payload.getJsonNumber("responseId").longValue());
        if (answer == null || answer.getOperatorId() == null || answer.getAnnounceAfter() == null) {
            return Map.of(); // withdrawn since it was announced: erased, or past its retention
        }
        Optional<SurveyAnswerData.Named> named = Optional.empty();
        if (answer.isNamed()) {
            Cancellation cancellation = em.find(Cancellation.class, answer.getCancellationId());
            Subscription subscription = cancellation.getSubscription();
            named = Optional.of(new SurveyAnswerData.Named(subscription.getExternalReference(),
                    subscription.getSubscriber().getExternalId(), cancellation.getReference()));
        }
        return Map.of(answer.getOperatorId(), envelope(event, WebhookEventType.SURVEY_RESPONSE_RECEIVED,
                SurveyAnswerData.of(answer, named)));
    }

    static Optional<WebhookEventType> typeOf(String outboxEventType) {
        return switch (outboxEventType) {
            case CancellationEvents.CANCELLED -> Optional.of(WebhookEventType.CANCELLATION_SCHEDULED);
            case CancellationEvents.UNDONE -> Optional.of(WebhookEventType.CANCELLATION_UNDONE);
            case CancellationEvents.ENDED -> Optional.of(WebhookEventType.SUBSCRIPTION_ENDED);
            case RenewalsAfterCancellation.EVENT -> Optional.of(WebhookEventType.RENEWED_AFTER_CANCELLATION);
            case DeclarationEvents.WAITING -> Optional.of(WebhookEventType.DECLARATION_RECEIVED);
            case RefundEvents.DUE -> Optional.of(WebhookEventType.REFUND_DUE);
            case RefundEvents.OVERDUE -> Optional.of(WebhookEventType.REFUND_OVERDUE);
            case SurveyAnnouncements.ANNOUNCED -> Optional.of(WebhookEventType.SURVEY_RESPONSE_RECEIVED);
            case WithdrawalEvents.WITHDRAWN -> Optional.of(WebhookEventType.SUBSCRIPTION_WITHDRAWN);
            case ReminderEvents.NOTICE_LATE -> Optional.of(WebhookEventType.NOTICE_LATE);
            default -> Optional.empty();
        };
    }

    private static String body(OutboxEvent event, WebhookEventType type, JsonObject payload,
                               Subscription subscription) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("subscription", orNull(subscription.getExternalReference()))
                .add("subscriber", orNull(subscription.getSubscriber().getExternalId()));
        switch (type) {
            case REFUND_DUE, REFUND_OVERDUE -> data
                    .add(refundBelongsTo(payload), Json.createObjectBuilder()
                            .add("reference", payload.getString("reference")))
                    .add("refund", refund(payload));
            case RENEWED_AFTER_CANCELLATION -> data
                    .add("cancellation", Json.createObjectBuilder().add("reference", payload.getString("reference"))
                            .add("effective_at", payload.getString("effectiveAt")))
                    .add("reported_period", Json.createObjectBuilder()
                            .add("start", payload.getString("reportedPeriodStart"))
                            .add("end", payload.getString("reportedPeriodEnd")));
            case SUBSCRIPTION_WITHDRAWN -> data.add("withdrawal", withdrawal(payload));
            case NOTICE_LATE -> data.add("notice", lateNotice(payload));
            default -> data.add("cancellation", cancellation(payload));
        }
        return envelope(event, type, data);
    }

    private static String envelope(OutboxEvent event, WebhookEventType type, JsonObjectBuilder data) {
        return Json.createObjectBuilder()
                .add("type", type.wireName())
                .add("timestamp", event.getOccurredAt().toString())
                .add("data", data)
                .build().toString();
    }

    private static JsonObjectBuilder cancellation(JsonObject payload) {
        JsonObjectBuilder cancellation = Json.createObjectBuilder()
                .add("reference", payload.getString("reference"))
                .add("mode", payload.getString("mode"))
                .add("channel", payload.getString("channel"))
                .add("requested_at", payload.getString("requestedAt"))
                .add("effective_at", payload.getString("effectiveAt"))
                .add("refund", Json.createObjectBuilder()
                        .add("amount", amount(payload.getJsonObject("refund").getJsonNumber("amount").bigDecimalValue()))
                        .add("currency", payload.getJsonObject("refund").getString("currency")));
        if (payload.containsKey("undoneAt")) {
            cancellation.add("undone_at", payload.getString("undoneAt"));
        }
        return cancellation;
    }

    /** A withdrawal, never shaped like a cancellation: the contract ended from its start, with what it owes back. */
    private static JsonObjectBuilder withdrawal(JsonObject payload) {
        JsonObject refund = payload.getJsonObject("refund");
        JsonObjectBuilder withdrawal = Json.createObjectBuilder()
                .add("reference", payload.getString("reference"))
                .add("channel", payload.getString("channel"))
                .add("received_at", payload.getString("receivedAt"))
                .add("ended_at", payload.getString("carriedOutAt"))
                .add("refund", Json.createObjectBuilder()
                        .add("amount", amount(refund.getJsonNumber("amount").bigDecimalValue()))
                        .add("currency", refund.getString("currency"))
                        .add("paid", amount(refund.getJsonNumber("paid").bigDecimalValue()))
                        .add("basis", refund.getString("basis").toLowerCase(java.util.Locale.ROOT))
                        .add("days_used", refund.getInt("daysUsed"))
                        .add("period_days", refund.getInt("periodDays")));
        withdrawal.add("superseded_cancellation", payload.containsKey("supersededCancellation")
                ? Json.createValue(payload.getString("supersededCancellation")) : JsonValue.NULL);
        return withdrawal;
    }

    /** A notice sent after its legal window closed: what kind, about which date, and for a new price both prices. */
    private static JsonObjectBuilder lateNotice(JsonObject payload) {
        JsonObjectBuilder notice = Json.createObjectBuilder()
                .add("kind", payload.getString("kind").toLowerCase(java.util.Locale.ROOT))
                .add("date", java.time.Instant.parse(payload.getString("date")).toString());
        if (payload.containsKey("newAmount")) {
            String currency = payload.getString("currency").strip();
            notice.add("old_price", Json.createObjectBuilder()
                            .add("amount", amount(payload.getJsonNumber("oldAmount").bigDecimalValue()))
                            .add("currency", currency))
                    .add("new_price", Json.createObjectBuilder()
                            .add("amount", amount(payload.getJsonNumber("newAmount").bigDecimalValue()))
                            .add("currency", currency));
        }
        return notice;
    }

    /** "cancellation" or "withdrawal": the record the refund belongs to (events from before withdrawals: a cancellation). */
    private static String refundBelongsTo(JsonObject payload) {
        return payload.getString("kind", "CANCELLATION").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonObjectBuilder refund(JsonObject payload) {
        JsonObjectBuilder refund = Json.createObjectBuilder()
                .add("belongs_to", refundBelongsTo(payload))
                .add("status", payload.getString("status").toLowerCase(java.util.Locale.ROOT))
                .add("amount", amount(payload.getJsonNumber("amount").bigDecimalValue()))
                .add("currency", payload.getString("currency"))
                .add("due_since", payload.getString("dueSince"))
                .add("due_by", payload.getString("dueBy"));
        if (payload.containsKey("overdueSince")) {
            refund.add("overdue_since", payload.getString("overdueSince"));
        }
        return refund;
    }

    /** Two decimals as billing systems write them, whatever scale the database kept. */
    private static String amount(java.math.BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static JsonValue orNull(String text) {
        return text == null ? JsonValue.NULL : Json.createValue(text);
    }
}
