package org.cancelportal.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database from before V30 whose anonymous answer shares its instant with its invitation's responded_at: afterwards
 * the join by time finds nothing, the named answer keeps its time, and the insights count the same.
 */
class AnonymousAnswersMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static List<String> countsBefore;

    @BeforeAll
    static void migrateADatabaseThatHadAnAnonymousAnswer() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("26").load().migrate();
        execute("INSERT INTO subscriber (id, email, name) VALUES (1, 'ann@example.com', 'Ann'),"
                + " (2, 'bo@example.com', 'Bo')");
        execute("INSERT INTO plan (id, code, name, price_amount, currency, billing_period)"
                + " VALUES (1, 'basic', 'Basic', 9.99, 'EUR', 'MONTHLY')");
        execute("INSERT INTO subscription (id, subscriber_id, plan_id, status, started_at, current_period_start,"
                + " current_period_end) SELECT n, n, 1, 'ACTIVE', now() - interval '40 days', now() - interval '10 days',"
                + " now() + interval '20 days' FROM generate_series(1, 2) n");
        execute("INSERT INTO cancellation (id, reference, subscription_id, requested_at, effective_at, mode,"
                + " refund_amount, refund_currency, channel, actor) SELECT n, 'CX-AAAA-222' || n, n,"
                + " now() - interval '2 days', now() + interval '20 days', 'END_OF_PERIOD', 0, 'EUR', 'WEB', 'x'"
                + " FROM generate_series(1, 2) n");
        execute("INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at, sent_at,"
                + " responded_at) VALUES (gen_random_uuid(), 1, 1, 'SENT', '2026-03-01T08:00:00Z', '2026-03-01T08:00:00Z',"
                + " '2026-03-02T17:41:07.123Z'), (gen_random_uuid(), 2, 2, 'SENT', '2026-03-01T08:00:00Z',"
                + " '2026-03-01T08:00:00Z', '2026-03-02T18:00:00.5Z')");
        execute("INSERT INTO survey_response (id, subscriber_id, cancellation_id, anonymous, plan_code, billing_period,"
                + " tenure_band, channel, locale, cancelled_month, submitted_at, updated_at) VALUES"
                + " (11, NULL, NULL, TRUE, 'basic', 'MONTHLY', '1_3_months', 'WEB', 'en', '2026-03',"
                + "  '2026-03-02T17:41:07.123Z', '2026-03-02T17:50:00Z'),"
                + " (12, 2, 2, FALSE, 'basic', 'MONTHLY', '1_3_months', 'WEB', 'en', '2026-03',"
                + "  '2026-03-02T18:00:00.5Z', '2026-03-02T18:00:00.5Z')");
        countsBefore = counts();
        SchemaMigration.migrate(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theAnonymousAnswerKeepsItsDayAndItsInvitationNothingOfItsTime() throws SQLException {
        assertEquals(List.of("11 2026-03-02 00:00:00 2026-03-02 00:00:00", "12 2026-03-02 18:00:00.5 2026-03-02 18:00:00.5"),
                rows("SELECT id || ' ' || (submitted_at AT TIME ZONE 'UTC') || ' ' || (updated_at AT TIME ZONE 'UTC')"
                        + " FROM survey_response ORDER BY id"));
        assertEquals(List.of("1 2026-03-01 08:00:00", "2 2026-03-02 18:00:00.5"), rows("SELECT cancellation_id || ' '"
                + " || (responded_at AT TIME ZONE 'UTC') FROM survey_invitation ORDER BY cancellation_id"));
    }

    @Test
    void nothingJoinsTheAnonymousAnswerToAnInvitationByTime() throws SQLException {
        assertEquals(List.of("12"), rows("SELECT r.id FROM survey_response r JOIN survey_invitation i"
                + " ON i.responded_at IN (r.submitted_at, r.updated_at) ORDER BY r.id"));
    }

    @Test
    void theInsightsCountTheSame() throws SQLException {
        assertEquals(countsBefore, counts());
    }

    private static List<String> counts() throws SQLException {
        List<String> counts = rows("SELECT day || ' ' || invited || ' ' || responded FROM insights_cancellation_day"
                + " ORDER BY 1");
        counts.addAll(rows("SELECT day || ' ' || responses FROM insights_response_day ORDER BY 1"));
        return counts;
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
