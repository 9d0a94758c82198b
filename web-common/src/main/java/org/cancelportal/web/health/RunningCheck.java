package org.cancelportal.web.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Liveness: up as long as the application is deployed and answers; a restart is the only cure for a no. Each
 * application names its own, marked {@code @Liveness}.
 */
public abstract class RunningCheck implements HealthCheck {

    protected abstract String name();

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(name());
    }
}
