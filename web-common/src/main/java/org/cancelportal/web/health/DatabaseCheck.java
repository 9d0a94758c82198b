package org.cancelportal.web.health;

import jakarta.inject.Inject;
import org.cancelportal.schema.control.SchemaVersion;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness: the database answers and holds the schema this build was made for (its newest migration applied). Each
 * application names its own, marked {@code @Readiness}.
 */
public abstract class DatabaseCheck implements HealthCheck {

    @Inject
    SchemaVersion schema;

    protected abstract String name();

    @Override
    public HealthCheckResponse call() {
        SchemaVersion.Status status = schema.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name()).status(status.ready())
                .withData("reachable", status.reachable())
                .withData("schema", status.expected() != null ? status.expected() : "unknown");
        if (status.problem() != null) {
            response.withData("problem", status.problem());
        }
        return response.build();
    }
}
