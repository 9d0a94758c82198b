package org.cancelportal.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.web.Navigation;
import org.cancelportal.web.PageMessages;
import org.cancelportal.webhook.control.InvalidWebhookException;
import org.cancelportal.webhook.control.WebhookEndpoints;
import org.cancelportal.webhook.control.WebhookSettings;
import org.cancelportal.webhook.entity.WebhookEndpoint;

/**
 * /admin/webhook?operator=code&amp;id=uuid: one endpoint of an operator: change it, switch it off or on, give it a
 * new secret, and (at /admin/webhook-delete, a step of its own) remove it. Each action goes back to the page with
 * done=… (post, redirect, get), so a refresh repeats nothing; a new secret travels in the flash, shown once.
 */
@Named("webhookEndpoint")
@RequestScoped
public class WebhookEndpointPage {

    static final String PAGE = "/admin/webhook";

    @Inject
    ChosenEndpoint chosen;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookSettings settings;

    @Inject
    WebhookWords words;

    @Inject
    SecretOnce secretOnce;

    @Inject
    PageMessages messages;

    @Inject
    Navigation navigation;

    private String done;
    private String url;
    private String description;
    private List<String> events = new ArrayList<>();
    private Map<String, String> problems = new LinkedHashMap<>();
    private SecretOnce.Handed secret;

    /** The form starts from what the endpoint has; an unknown operator or endpoint is the 404 page. */
    public void load() {
        Optional<WebhookEndpoint> found = chosen.endpoint();
        if (found.isEmpty()) {
            navigation.notFound();
            return;
        }
        url = found.get().getUrl();
        description = found.get().getDescription();
        events = new ArrayList<>(found.get().getEventTypes());
        secret = secretOnce.received();
        if (done != null && List.of("changed", "off", "on").contains(done)) {
            messages.info("admin.webhooks.done." + done);
        }
    }

    @RolesAllowed("admin")
    public void change() {
        act(new WebhookEndpoints.Request(url, description, events, null), "changed");
    }

    @RolesAllowed("admin")
    public void switchOff() {
        act(new WebhookEndpoints.Request(null, null, null, false), "off");
    }

    @RolesAllowed("admin")
    public void switchOn() {
        act(new WebhookEndpoints.Request(null, null, null, true), "on");
    }

    @RolesAllowed("admin")
    public void rotateSecret() {
        Optional<WebhookEndpoints.WithSecret> rotated = chosen.source().flatMap(source -> chosen.uuid()
                .flatMap(known -> endpoints.rotateSecret(source, known)));
        if (rotated.isEmpty()) {
            navigation.notFound();
            return;
        }
        secretOnce.hand(rotated.get().secret(), "rotated");
        navigation.redirect(chosen.path(PAGE));
    }

    @RolesAllowed("admin")
    public void delete() {
        boolean deleted = chosen.source().flatMap(source -> chosen.uuid().map(known -> endpoints.delete(source, known)))
                .orElse(false);
        if (!deleted) {
            navigation.notFound();
            return;
        }
        navigation.redirect(WebhookEndpointsPage.path(chosen.getOperator()) + "&done=deleted");
    }

    private void act(WebhookEndpoints.Request request, String what) {
        try {
            Optional<WebhookEndpoint> changed = chosen.source().flatMap(source -> chosen.uuid()
                    .flatMap(known -> endpoints.change(source, known, request)));
            if (changed.isEmpty()) {
                navigation.notFound();
                return;
            }
            navigation.redirect(chosen.path(PAGE) + "&done=" + what);
        } catch (InvalidWebhookException e) {
            problems = words.problems(e);
            messages.error("admin.webhooks.nothing-changed");
        }
    }

    /** Where this page shows an endpoint. */
    static String path(String operatorCode, UUID endpointId) {
        return ChosenEndpoint.path(PAGE, operatorCode, endpointId.toString());
    }

    /** The endpoint as it is now; null when there is none (the page is the 404 then). */
    public WebhookEndpoint getEndpoint() {
        return chosen.endpoint().orElse(null);
    }

    public String getState() {
        return chosen.endpoint().map(words::state).orElse("");
    }

    public String getCreated() {
        return chosen.endpoint().map(found -> words.time(found.getCreatedAt())).orElse("");
    }

    public String getEventList() {
        return chosen.endpoint().map(found -> words.events(found.getEventTypes())).orElse("");
    }

    /** Until when the secret before the last rotation still signs, or empty when none does. */
    public String getPreviousSecretUntil() {
        return chosen.endpoint().map(WebhookEndpoint::getPreviousSecretUntil).map(words::time).orElse("");
    }

    /** How long a rotated secret keeps signing, in words, for the note beside the button. */
    public String getGrace() {
        java.time.Duration grace = settings.rotationGrace();
        return grace.toMinutes() % 60 == 0 && grace.toHours() > 0
                ? words.text("admin.webhooks.hours", grace.toHours())
                : words.text("admin.webhooks.minutes", grace.toMinutes());
    }

    /** A secret just made on the page before, shown this once; null otherwise. */
    public SecretOnce.Handed getSecret() {
        return secret;
    }

    public OperatorAccount getAccount() {
        return chosen.account().orElse(null);
    }

    public List<WebhookWords.Event> getEventChoices() {
        return words.events();
    }

    public Map<String, String> getProblems() {
        return problems;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
