package org.cancelportal.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One operator's webhook endpoint: where deliveries go, which events it hears of, and the secrets that sign them. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    /** Why an endpoint is off, as the API tells it: the receiver said it is gone, or someone switched it off. */
    public static final String OFF_GONE = "The endpoint answered 410 Gone";
    public static final String OFF_BY_OPERATOR = "Switched off by the operator";
    /** Followed by the login of the admin who switched it off for the operator. */
    public static final String OFF_BY = "Switched off by ";

    @Id
    private UUID id;

    @Column(name = "operator_id", nullable = false)
    private long operatorId;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String description;

    /** Event names, space-separated, in the order the operator gave them. */
    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(long operatorId, String url, String description, List<String> eventTypes, String secret,
                           Instant now) {
        this.id = UUID.randomUUID();
        this.operatorId = operatorId;
        this.url = url;
        this.description = description;
        this.eventTypes = String.join(" ", eventTypes);
        this.enabled = true;
        this.secret = secret;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void change(String newUrl, String newDescription, List<String> newEventTypes, Instant now) {
        url = newUrl;
        description = newDescription;
        eventTypes = String.join(" ", newEventTypes);
        updatedAt = now;
    }

    public void enable(Instant now) {
        enabled = true;
        disabledReason = null;
        updatedAt = now;
    }

    public void disable(String reason, Instant now) {
        enabled = false;
        disabledReason = reason;
        updatedAt = now;
    }

    /** A new secret signs from now on; the one before still signs for the grace period, then never again. */
    public void rotate(String newSecret, Duration grace, Instant now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(grace);
        secret = newSecret;
        updatedAt = now;
    }

    /** The secrets that sign a delivery made now: the current one, and the one before while its grace lasts. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public boolean belongsTo(long operator) {
        return operatorId == operator;
    }

    public UUID getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getEventTypes() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(" "));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getPreviousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
