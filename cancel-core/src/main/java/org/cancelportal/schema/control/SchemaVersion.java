package org.cancelportal.schema.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Whether the database answers and holds the schema this build was made for: the newest versioned migration the
 * build carries is recorded as applied. Asked by the readiness checks of both applications, so it costs one short
 * query and never runs Flyway itself.
 */
@ApplicationScoped
public class SchemaVersion {

    /** What a readiness check reports: the database answered, the schema is the expected one, and which it is. */
    public record Status(boolean reachable, boolean current, String expected, String problem) {

        public boolean ready() {
            return reachable && current;
        }
    }

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    private volatile String expected;

    void expect(String version) {
        expected = version;
    }

    public Optional<String> expected() {
        return Optional.ofNullable(expected);
    }

    public Status status() {
        String version = expected;
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                return new Status(false, false, version, "the database did not answer");
            }
            if (version == null) {
                return new Status(true, false, null, "the schema is not migrated yet");
            }
            boolean current = applied(connection, version);
            return new Status(true, current, version, current ? null : "migration " + version + " is not applied");
        } catch (SQLException e) {
            return new Status(false, false, version, e.getClass().getSimpleName());
        }
    }

    private static boolean applied(Connection connection, String version) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM flyway_schema_history WHERE version = ? AND success")) {
            statement.setString(1, version);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
