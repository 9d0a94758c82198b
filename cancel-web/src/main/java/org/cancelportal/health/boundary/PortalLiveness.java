package org.cancelportal.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Answers as long as the application is deployed and serving; a restart is the only cure for a no. */
@Liveness
@ApplicationScoped
public class PortalLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("cancel-web");
    }
}
