package org.cancelportal.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.schema.control.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills a PostgreSQL with a year of cancellations and 1,000,000 survey answers for the insights benchmark. Every row
 * is made by set-based SQL in one transaction with triggers off (so also without foreign key checks: the statements
 * below keep the references right themselves), then the daily figures are rebuilt once, as after any bulk load.
 * A database that already holds the answers is left as it is; a failed run leaves nothing behind.
 * Argument: the JDBC URL.
 */
public final class InsightsData {

    static final int CANCELLATIONS = 1_400_000;
    static final int RESPONSES = 1_000_000;

    private InsightsData() {
    }

    public static void main(String[] args) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING); // one line per step is enough
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        printStep("migrate", started);

        try (Connection connection = dataSource.getConnection()) {
            long existing = count(connection, "SELECT count(*) FROM survey_response");
            if (existing >= RESPONSES) {
                System.out.printf("The database already holds %,d answers; nothing generated.%n", existing);
                return;
            }
            connection.setAutoCommit(false);
            for (GenerationStep step : GenerationSteps.all(CANCELLATIONS, RESPONSES)) {
                long stepStarted = System.nanoTime();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(step.sql());
                }
                printStep(step.name(), stepStarted);
            }
            long commitStarted = System.nanoTime();
            connection.commit();
            printStep("commit", commitStarted);

            connection.setAutoCommit(true);
            long vacuumStarted = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                // Leaves the tables as autovacuum would soon after a bulk load: statistics, hint bits and visibility
                // map set, so the benchmark does not measure the first reads cleaning up after the load.
                statement.execute("VACUUM (ANALYZE)");
            }
            printStep("vacuum analyze", vacuumStarted);
            printStep("total", started);
            printContents(connection);
        }
    }

    private static void printContents(Connection connection) throws SQLException {
        for (String figure : List.of(
                "SELECT 'cancellations', count(*) FROM cancellation",
                "SELECT 'of them undone', count(*) FROM cancellation WHERE undone_at IS NOT NULL",
                "SELECT 'invitations sent', count(*) FROM survey_invitation WHERE status = 'SENT'",
                "SELECT 'answers', count(*) FROM survey_response",
                "SELECT 'answers with a comment', count(*) FROM survey_response WHERE comment IS NOT NULL",
                "SELECT 'anonymous answers', count(*) FROM survey_response WHERE anonymous",
                "SELECT 'rows in insights_cancellation_day', count(*) FROM insights_cancellation_day",
                "SELECT 'rows in insights_response_day', count(*) FROM insights_response_day",
                "SELECT 'rows in insights_response_week', count(*) FROM insights_response_week")) {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(figure)) {
                row.next();
                System.out.printf("  %-36s %,12d%n", row.getString(1), row.getLong(2));
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            row.next();
            System.out.printf("  %-36s %12s%n", "database size", row.getString(1));
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void printStep(String name, long startedNanos) {
        System.out.printf("  %-36s %8.1f s%n", name, (System.nanoTime() - startedNanos) / 1e9);
    }
}
