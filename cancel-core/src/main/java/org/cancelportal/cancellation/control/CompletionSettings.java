package org.cancelportal.cancellation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often cancellations that reached their effective date are completed. */
@ApplicationScoped
public class CompletionSettings {

    @Inject
    @ConfigProperty(name = "cancel.completion.interval-seconds")
    long intervalSeconds;

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }
}
