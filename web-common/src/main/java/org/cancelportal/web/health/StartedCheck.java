package org.cancelportal.web.health;

import jakarta.inject.Inject;
import org.cancelportal.health.control.StartupProgress;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Startup: the application finished starting (schema migrated, safety check passed, background work running). Each
 * application names its own, marked {@code @Startup}.
 */
public abstract class StartedCheck implements HealthCheck {

    @Inject
    StartupProgress progress;

    protected abstract String name();

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(name()).status(progress.started()).build();
    }
}
