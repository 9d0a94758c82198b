package org.cancelportal.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database from before V18 that already holds events: each gets its place in line in the order the events happened
 * (rows written, and ids sorting, in another order than their times), and events written afterwards come after all of them.
 */
class OutboxPositionsMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateADatabaseThatHadEvents() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("17").load().migrate();
        execute("INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at) VALUES"
                + " ('00000000-0000-0000-0000-000000000007', 'Subscription', '1', 'SubscriptionEnded', '{}',"
                + "  now() - interval '1 minute'),"
                + " ('00000000-0000-0000-0000-000000000009', 'Subscription', '1', 'SubscriptionCancelled', '{}',"
                + "  now() - interval '2 days'),"
                + " ('00000000-0000-0000-0000-000000000008', 'Subscription', '1', 'CancellationUndone', '{}',"
                + "  now() - interval '1 day')");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        execute("INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', 'Subscription', '1', 'SubscriptionCancelled', '{}',"
                + "  now() - interval '3 days')");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void existingEventsAreNumberedInTheOrderTheyHappenedAndNewOnesComeAfter() throws Exception {
        List<String> byPosition = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT event_type, position FROM outbox_event ORDER BY position")) {
            while (rows.next()) {
                byPosition.add(rows.getString(1));
                positions.add(rows.getLong(2));
            }
        }
        assertEquals(List.of("SubscriptionCancelled", "CancellationUndone", "SubscriptionEnded", "SubscriptionCancelled"),
                byPosition, "the three old ones by their times, the new one last whatever its time");
        assertTrue(positions.stream().distinct().count() == 4, "every place once: " + positions);
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
