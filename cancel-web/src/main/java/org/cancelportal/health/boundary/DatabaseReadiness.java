package org.cancelportal.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The portal can take requests only while it reaches its database. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("cancel-web-database").status(connection.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("cancel-web-database").down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
