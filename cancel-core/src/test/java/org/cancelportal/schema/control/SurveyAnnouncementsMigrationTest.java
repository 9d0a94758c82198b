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
 * A database from before V19 that holds survey answers: a named one learns its operator from its cancellation, an
 * anonymous one is not traced back (it names no cancellation), and none of them is ever announced, as all are old.
 */
class SurveyAnnouncementsMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateADatabaseThatHadAnswers() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("18").load().migrate();
        execute("INSERT INTO operator (id, code, name) VALUES (5, 'shop', 'Shop')");
        execute("INSERT INTO subscriber (id, email, name, operator_id) VALUES (1, 'ann@example.com', 'Ann', 5),"
                + " (2, 'bo@example.com', 'Bo', NULL)");
        execute("INSERT INTO plan (id, code, name, price_amount, currency, billing_period)"
                + " VALUES (1, 'basic', 'Basic', 9.99, 'EUR', 'MONTHLY')");
        execute("INSERT INTO subscription (id, subscriber_id, plan_id, status, started_at, current_period_start,"
                + " current_period_end, operator_id) VALUES (1, 1, 1, 'ACTIVE', now() - interval '40 days',"
                + " now() - interval '10 days', now() + interval '20 days', 5), (2, 2, 1, 'ACTIVE',"
                + " now() - interval '40 days', now() - interval '10 days', now() + interval '20 days', NULL)");
        execute("INSERT INTO cancellation (id, reference, subscription_id, requested_at, effective_at, mode,"
                + " refund_amount, refund_currency, channel, actor) VALUES"
                + " (1, 'CX-AAAA-2222', 1, now() - interval '2 days', now() + interval '20 days', 'END_OF_PERIOD',"
                + " 0, 'EUR', 'WEB', 'ann@example.com'),"
                + " (2, 'CX-BBBB-3333', 2, now() - interval '2 days', now() + interval '20 days', 'END_OF_PERIOD',"
                + " 0, 'EUR', 'WEB', 'bo@example.com')");
        execute("INSERT INTO survey_response (id, subscriber_id, cancellation_id, anonymous, plan_code, billing_period,"
                + " tenure_band, channel, locale, cancelled_month, submitted_at, updated_at, editable_until) VALUES"
                + " (11, 1, 1, FALSE, 'basic', 'MONTHLY', '1_3_months', 'WEB', 'en', '2026-01', now() - interval '1 hour',"
                + "  now() - interval '1 hour', now() + interval '23 hours'),"
                + " (12, NULL, NULL, TRUE, 'basic', 'MONTHLY', '1_3_months', 'WEB', 'en', '2026-01',"
                + "  now() - interval '3 days', now() - interval '3 days', NULL),"
                + " (13, 2, 2, FALSE, 'basic', 'MONTHLY', '1_3_months', 'WEB', 'en', '2026-01',"
                + "  now() - interval '3 days', now() - interval '3 days', NULL)");
        SchemaMigration.migrate(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aNamedAnswerLearnsItsOperatorFromItsCancellationAndNoOtherDoes() throws SQLException {
        assertEquals(List.of("11 5", "12 none", "13 none"), rows("SELECT id || ' ' || coalesce(operator_id::text,"
                + " 'none') FROM survey_response ORDER BY id"));
    }

    @Test
    void answersGivenBeforeAreNeverAnnounced() throws SQLException {
        assertEquals(List.of("11 true true", "12 true true", "13 true true"), rows("SELECT id || ' '"
                + " || (announce_after IS NULL) || ' ' || (announced_at IS NULL) FROM survey_response ORDER BY id"));
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
