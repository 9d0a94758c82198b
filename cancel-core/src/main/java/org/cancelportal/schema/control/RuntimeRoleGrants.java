package org.cancelportal.schema.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the application's own role may do in a schema the migration role owns: read and write rows, draw from the
 * sequences behind identity columns, call the functions the triggers call, and read the migration history (the
 * readiness check does) without rewriting it. Nothing that creates, alters or drops. Granted by the migration role
 * after every migration, so whatever a new version adds is covered before the application uses it.
 */
final class RuntimeRoleGrants {

    /** Concurrent GRANTs on one object fail with "tuple concurrently updated": nodes starting together take turns. */
    private static final String TAKE_TURNS = "SELECT pg_advisory_xact_lock(hashtext('cancelportal runtime grants'))";

    private RuntimeRoleGrants() {
    }

    /**
     * Grants the role {@code runtime} connects as what it needs in the schema {@code owner} migrated; nothing when
     * both connect as the same role.
     */
    static void grant(DataSource owner, DataSource runtime, String historyTable) {
        try (Connection ownerConnection = owner.getConnection()) {
            String runtimeRole = currentUser(runtime);
            if (runtimeRole.equals(currentUser(ownerConnection))) {
                return;
            }
            String schema = identifier(currentSchema(ownerConnection));
            String role = identifier(runtimeRole);
            boolean autoCommit = ownerConnection.getAutoCommit();
            ownerConnection.setAutoCommit(false);
            try (Statement statement = ownerConnection.createStatement()) {
                statement.execute(TAKE_TURNS);
                for (String grant : List.of(
                        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role,
                        "REVOKE INSERT, UPDATE, DELETE ON " + schema + "." + identifier(historyTable) + " FROM " + role,
                        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role,
                        "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " TO " + role)) {
                    statement.execute(grant);
                }
                ownerConnection.commit();
            } catch (SQLException e) {
                ownerConnection.rollback();
                throw e;
            } finally {
                ownerConnection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The migration role could not grant the application's role its rights"
                    + " on the migrated schema", e);
        }
    }

    private static String currentUser(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return currentUser(connection);
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        return single(connection, "SELECT current_user");
    }

    private static String currentSchema(Connection connection) throws SQLException {
        return single(connection, "SELECT current_schema()");
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    /** A name as PostgreSQL reads it verbatim: role names come from the configuration and may need quoting. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
