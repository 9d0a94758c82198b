package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks are sent: whether an endpoint may be on this very machine (only for the tests and the run command's
 * own receiver), how long a rotated secret keeps signing, the waits between attempts, and how often the sender looks
 * for due deliveries. The defaults are in portal.xml, once.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "webhooks.allow-loopback")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "webhooks.rotation-grace")
    Duration rotationGrace;

    /** The waits between attempts, ISO-8601 durations, comma-separated; after the last, a delivery is dead. */
    @Inject
    @ConfigProperty(name = "webhooks.retry-schedule")
    List<Duration> retrySchedule;

    @Inject
    @ConfigProperty(name = "webhooks.poll-interval-ms")
    long pollIntervalMs;

    /** How long an endpoint may take to answer before the attempt counts as failed. */
    @Inject
    @ConfigProperty(name = "webhooks.read-timeout")
    Duration readTimeout;

    protected WebhookSettings() {
    }

    public WebhookSettings(boolean allowLoopback, Duration rotationGrace) {
        this.allowLoopback = allowLoopback;
        this.rotationGrace = rotationGrace;
        this.retrySchedule = List.of();
    }

    public List<Duration> retrySchedule() {
        return retrySchedule;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration pollInterval() {
        return Duration.ofMillis(pollIntervalMs);
    }

    public boolean allowLoopback() {
        return allowLoopback;
    }

    public Duration rotationGrace() {
        return rotationGrace;
    }
}
