package org.cancelportal.webhook.control;

import java.util.Arrays;
import java.util.Optional;

/** What an operator's endpoint can ask to hear of, by the names the deliveries carry in their "type". */
public enum WebhookEventType {

    CANCELLATION_SCHEDULED("subscription.cancellation_scheduled"),
    CANCELLATION_UNDONE("subscription.cancellation_undone"),
    SUBSCRIPTION_ENDED("subscription.ended"),
    RENEWED_AFTER_CANCELLATION("subscription.renewed_after_cancellation"),
    REFUND_DUE("refund.due"),
    REFUND_OVERDUE("refund.overdue"),
    DECLARATION_RECEIVED("declaration.received"),
    SURVEY_RESPONSE_RECEIVED("survey.response_received"),
    /** A withdrawal within the withdrawal period: the contract ended from its start, with the refund it owes. */
    SUBSCRIPTION_WITHDRAWN("subscription.withdrawn"),
    /** A reminder or notice (such as of a new price) could not be sent within its legal window: it went out late. */
    NOTICE_LATE("notice.late");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
