package org.cancelportal.webhook.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cancelportal.web.DisplayFormat;
import org.cancelportal.web.PageMessages;
import org.cancelportal.webhook.control.InvalidWebhookException;
import org.cancelportal.webhook.control.WebhookEventType;
import org.cancelportal.webhook.control.WebhookProblem;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * How the admin pages of webhook endpoints say things in the page's language: events, states, problems, and times
 * to the second in UTC (the time the API and the receivers' logs use).
 */
@RequestScoped
public class WebhookWords {

    /** An event as a checkbox offers it: its name on the wire and what it means. */
    public record Event(String wireName, String label) {
    }

    @Inject
    PageMessages messages;

    @Inject
    DisplayFormat format;

    public List<Event> events() {
        return Arrays.stream(WebhookEventType.values())
                .map(type -> new Event(type.wireName(), messages.text("admin.webhooks.event." + type.wireName())
                        + " (" + type.wireName() + ")"))
                .toList();
    }

    public String events(List<String> wireNames) {
        return String.join(", ", wireNames);
    }

    /** Whether the endpoint gets deliveries, and if not, why not. */
    public String state(WebhookEndpoint endpoint) {
        if (endpoint.isEnabled()) {
            return messages.text("admin.webhooks.state.on");
        }
        String reason = endpoint.getDisabledReason() == null ? "" : endpoint.getDisabledReason();
        if (reason.equals(WebhookEndpoint.OFF_GONE)) {
            return messages.text("admin.webhooks.state.off-gone");
        }
        if (reason.equals(WebhookEndpoint.OFF_BY_OPERATOR)) {
            return messages.text("admin.webhooks.state.off-operator");
        }
        if (reason.startsWith(WebhookEndpoint.OFF_BY)) {
            return messages.text("admin.webhooks.state.off-by", reason.substring(WebhookEndpoint.OFF_BY.length()));
        }
        return messages.text("admin.webhooks.state.off", reason);
    }

    /** Field name to what is wrong with it, in the page's language. */
    public Map<String, String> problems(InvalidWebhookException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (WebhookProblem problem : e.reasons()) {
            byField.merge(problem.field(), text(problem), (first, next) -> first + " " + next);
        }
        return byField;
    }

    private String text(WebhookProblem problem) {
        return messages.text("admin.webhooks.problem." + problem.reason().name(),
                problem.subject() == null ? "" : problem.subject());
    }

    /** A delivery's status (PENDING, DELIVERED, DEAD) in words. */
    public String status(String status) {
        return messages.text("admin.webhooks.status." + status);
    }

    public String time(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(format.locale())
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    public String text(String key, Object... arguments) {
        return messages.text(key, arguments);
    }
}
