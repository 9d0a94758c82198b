package org.cancelportal.webhook.control;

import java.util.Arrays;
import org.cancelportal.operatordata.control.FieldProblem;

/**
 * One thing wrong with a webhook endpoint as asked for: the field, the reason (so a page can say it in its own
 * language), and what it is about (a host, an address, an event name), if anything. The API says it in English.
 */
public record WebhookProblem(String field, Reason reason, String subject) {

    public enum Reason {
        URL_MISSING, URL_TOO_LONG, NOT_A_URL, NOT_ABSOLUTE_HTTPS, CREDENTIALS_IN_URL, UNKNOWN_HOST, THIS_SERVER,
        PRIVATE_NETWORK, HTTPS_ONLY, TOO_MANY_ENDPOINTS, NO_EVENTS, UNKNOWN_EVENT, DESCRIPTION_TOO_LONG
    }

    public static WebhookProblem url(Reason reason, String subject) {
        return new WebhookProblem("url", reason, subject);
    }

    public FieldProblem asFieldProblem() {
        return new FieldProblem(field, english());
    }

    /** The words of the API's problem details. */
    public String english() {
        return switch (reason) {
            case URL_MISSING -> "Give the https URL deliveries should go to.";
            case URL_TOO_LONG -> "A URL of at most 2,000 characters, please.";
            case NOT_A_URL -> "This is not a URL: " + subject + ".";
            case NOT_ABSOLUTE_HTTPS -> "Give an absolute https URL, such as https://hooks.example.com/cancel-portal.";
            case CREDENTIALS_IN_URL -> "Leave out user name, password and #fragment: sign requests with the secret"
                    + " instead.";
            case UNKNOWN_HOST -> "The host " + subject + " cannot be found.";
            case THIS_SERVER -> "The URL points to this server itself (" + subject + ").";
            case PRIVATE_NETWORK -> "The URL points into a private network (" + subject
                    + "); webhooks go to addresses on the public internet only.";
            case HTTPS_ONLY -> "Webhooks are sent over https only.";
            case TOO_MANY_ENDPOINTS -> "You have " + subject + " endpoints already; remove one you no longer use first.";
            case NO_EVENTS -> "Name at least one event: " + allEvents() + ".";
            case UNKNOWN_EVENT -> "'" + subject + "' is not an event. Events: " + allEvents() + ".";
            case DESCRIPTION_TOO_LONG -> "At most " + subject + " characters, please.";
        };
    }

    private static String allEvents() {
        return String.join(", ", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
    }
}
