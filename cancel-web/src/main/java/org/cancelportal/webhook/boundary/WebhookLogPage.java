package org.cancelportal.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.webhook.control.WebhookDeliveryLog;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * /admin/webhook-log?operator=code&amp;id=uuid: an endpoint's latest deliveries with each attempt, and replay: of one
 * delivery, or of every delivery since a time. A replay puts deliveries in line to be sent again; the page says so,
 * and the log shows what happened once the sender has tried.
 */
@Named("webhookLog")
@RequestScoped
public class WebhookLogPage {

    /** What people type as a time: 2026-12-01 14:30, or with a T, with or without seconds, always in UTC. */
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("uuuu-MM-dd[' ']['T']HH:mm[:ss]");

    /** One delivery as the log shows it. */
    public record Row(String id, String eventType, String status, String statusText, int attempts,
                      String occurred, String nextAttempt, String delivered, List<AttemptRow> attemptRows) {
    }

    /** One attempt: its number, when, the HTTP status (empty when no answer came), time taken, what came back. */
    public record AttemptRow(int attempt, String startedAt, String statusCode, int latencyMs, String answer) {
    }

    @Inject
    ChosenEndpoint chosen;

    @Inject
    WebhookDeliveryLog log;

    @Inject
    Clock clock;

    @Inject
    FacesContext faces;

    @Inject
    WebhookWords words;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    private String done;
    private Integer count;
    private String since;
    private String sinceProblem;
    private List<Row> rows;

    public void load() {
        if (chosen.endpoint().isEmpty()) {
            navigation.notFound();
            return;
        }
        if ("replayed".equals(done)) {
            messages.info("admin.webhooks.done.replayed");
        } else if ("replayed-since".equals(done) && count != null) {
            messages.info(count == 0 ? "admin.webhooks.done.replayed-none" : "admin.webhooks.done.replayed-since",
                    count);
        }
    }

    /** The delivery named by the form's own field (see webhook-log.xhtml). */
    @RolesAllowed("admin")
    public void replay() {
        String delivery = faces.getExternalContext().getRequestParameterMap().get("delivery");
        boolean queued = chosen.source().flatMap(source -> chosen.uuid().map(known -> log.replay(source, known, delivery)))
                .orElse(false);
        if (!queued) {
            navigation.notFound();
            return;
        }
        navigation.redirect(chosen.path("/admin/webhook-log") + "&done=replayed");
    }

    @RolesAllowed("admin")
    public void replaySince() {
        Optional<Instant> from = typedTime(since);
        if (from.isEmpty()) {
            sinceProblem = messages.text("admin.webhooks.since.problem", example());
            messages.error("admin.webhooks.nothing-changed");
            return;
        }
        Optional<Integer> queued = chosen.source().flatMap(source -> chosen.uuid()
                .flatMap(known -> log.replaySince(source, known, from.get())));
        if (queued.isEmpty()) {
            navigation.notFound();
            return;
        }
        navigation.redirect(chosen.path("/admin/webhook-log") + "&done=replayed-since&count=" + queued.get());
    }

    /** The time typed, read as UTC; empty when it is not a time. */
    static Optional<Instant> typedTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), TYPED).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An hour ago, written as the field wants it, for the hint. */
    public String example() {
        return LocalDateTime.ofInstant(clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES),
                ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"));
    }

    public List<Row> getRows() {
        if (rows == null) {
            rows = chosen.account().flatMap(account -> chosen.uuid().flatMap(known -> log.deliveries(account, known)
                    .map(deliveries -> deliveries.stream().map(delivery -> row(account, known, delivery)).toList())))
                    .orElse(List.of());
        }
        return rows;
    }

    private Row row(OperatorAccount account, UUID known, WebhookDeliveryLog.Delivery delivery) {
        List<AttemptRow> attempts = log.attempts(account, known, delivery.id()).orElse(List.of()).stream()
                .map(attempt -> new AttemptRow(attempt.attempt(), words.time(attempt.startedAt()),
                        attempt.statusCode() == null ? "" : attempt.statusCode().toString(), attempt.latencyMs(),
                        attempt.error() != null ? attempt.error() : attempt.response() == null ? ""
                                : attempt.response()))
                .toList();
        return new Row(delivery.id(), delivery.eventType(), delivery.status(), words.status(delivery.status()),
                delivery.attempts(), words.time(delivery.occurredAt()), words.time(delivery.nextAttemptAt()),
                words.time(delivery.deliveredAt()), attempts);
    }

    public WebhookEndpoint getEndpoint() {
        return chosen.endpoint().orElse(null);
    }

    public String getState() {
        return chosen.endpoint().map(words::state).orElse("");
    }

    public OperatorAccount getAccount() {
        return chosen.account().orElse(null);
    }

    public String getSinceProblem() {
        return sinceProblem;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }
}
