package org.cancelportal.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the relay polls and retries; MicroProfile Config keys outbox.*. */
@ApplicationScoped
public class RelaySettings {

    @Inject
    @ConfigProperty(name = "outbox.poll-interval-ms")
    long pollIntervalMs;

    @Inject
    @ConfigProperty(name = "outbox.batch-size")
    int batchSize;

    @Inject
    @ConfigProperty(name = "outbox.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "outbox.backoff-initial-seconds")
    long backoffInitialSeconds;

    @Inject
    @ConfigProperty(name = "outbox.backoff-max-seconds")
    long backoffMaxSeconds;

    public long pollIntervalMs() {
        return pollIntervalMs;
    }

    public int batchSize() {
        return batchSize;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** 5 s, 10 s, 20 s, … doubling after each failed attempt, at most backoff-max-seconds. */
    public Duration backoffAfter(int failedAttempts) {
        long seconds = backoffInitialSeconds << Math.min(30, Math.max(0, failedAttempts - 1));
        return Duration.ofSeconds(Math.min(seconds, backoffMaxSeconds));
    }
}
