package org.cancelportal.refund.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long an operator has to confirm a refund before it counts as overdue, and how often that is looked at. */
@ApplicationScoped
public class RefundSettings {

    @Inject
    @ConfigProperty(name = "refunds.confirm-within-days")
    int confirmWithinDays;

    @Inject
    @ConfigProperty(name = "refunds.check-interval-seconds")
    long checkIntervalSeconds;

    public Duration confirmWithin() {
        return Duration.ofDays(confirmWithinDays);
    }

    public int confirmWithinDays() {
        return confirmWithinDays;
    }

    public Duration checkInterval() {
        return Duration.ofSeconds(checkIntervalSeconds);
    }
}
