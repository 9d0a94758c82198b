package org.cancelportal.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static MigrateResult firstMigration;

    @BeforeAll
    static void migrateEmptyDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        firstMigration = SchemaMigration.migrate(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void migratingAnEmptyDatabaseCreatesEveryTable() throws SQLException {
        assertTrue(firstMigration.success);
        assertTrue(firstMigration.migrationsExecuted >= 1);
        Set<String> tables = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("subscriber", "plan", "subscription", "cancellation", "audit_entry",
                "outbox_event", "app_user", "app_user_role")), () -> "tables found: " + tables);
    }

    @Test
    void migratingAgainAppliesNothing() throws SQLException {
        MigrateResult again = SchemaMigration.migrate(dataSource);

        assertTrue(again.success);
        assertEquals(0, again.migrationsExecuted);
        assertEquals(firstMigration.migrationsExecuted, count("SELECT count(*) FROM flyway_schema_history"));
    }

    @Test
    void theNewestCarriedMigrationIsTheOneTheReadinessCheckExpectsAndItIsApplied() throws SQLException {
        String newest = SchemaMigration.newestCarried(SchemaMigration.flyway(dataSource).info()).orElseThrow();

        assertEquals(firstMigration.targetSchemaVersion, newest);
        assertEquals(1, count("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '" + newest
                + "'"));
    }

    @Test
    void onlyOneCancellationPerSubscriptionIsInForceUntilItIsUndone() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long subscriptionId = insertSubscription(connection);
            long first = insertCancellation(connection, subscriptionId, "CX-AAAA-2222");

            SQLException duplicate = assertThrows(SQLException.class,
                    () -> insertCancellation(connection, subscriptionId, "CX-BBBB-3333"));
            assertEquals("23505", duplicate.getSQLState());

            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE cancellation SET undone_at = now(), undone_by = 'ann@example.com'"
                        + " WHERE id = " + first);
            }
            insertCancellation(connection, subscriptionId, "CX-CCCC-4444");

        }
        assertEquals(1, count("SELECT count(*) FROM cancellation WHERE undone_at IS NULL"));
        assertEquals(2, count("SELECT count(*) FROM cancellation"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return queryLong(connection, sql);
        }
    }

    private static long insertSubscription(Connection connection) throws SQLException {
        long subscriberId = queryLong(connection,
                "INSERT INTO subscriber (email, name) VALUES ('ann@example.com', 'Ann') RETURNING id");
        long planId = queryLong(connection, "INSERT INTO plan (code, name, price_amount, currency,"
                + " billing_period) VALUES ('basic', 'Basic', 9.99, 'EUR', 'MONTHLY') RETURNING id");
        return queryLong(connection, "INSERT INTO subscription (subscriber_id, plan_id, status, started_at,"
                + " current_period_start, current_period_end) VALUES (" + subscriberId + ", " + planId
                + ", 'ACTIVE', '2025-01-01T00:00Z', '2025-03-01T00:00Z', '2025-04-01T00:00Z') RETURNING id");
    }

    private static long insertCancellation(Connection connection, long subscriptionId, String reference)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cancellation (reference,"
                + " subscription_id, requested_at, effective_at, mode, refund_amount, refund_currency, channel, actor)"
                + " VALUES (?, ?, '2025-03-10T00:00Z', '2025-04-01T00:00Z', 'END_OF_PERIOD', 0, 'EUR', 'WEB',"
                + " 'ann@example.com') RETURNING id")) {
            insert.setString(1, reference);
            insert.setLong(2, subscriptionId);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
