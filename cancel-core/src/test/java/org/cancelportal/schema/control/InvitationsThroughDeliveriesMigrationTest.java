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
 * A database from before V13, when the survey sent its invitations from its own loop: what it had promised (an
 * invitation still scheduled, a reminder still owed) becomes outbox deliveries, due when they were due before.
 */
class InvitationsThroughDeliveriesMigrationTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void migrateADatabaseThatHadScheduledAndSentInvitations() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("12").load().migrate();
        execute("INSERT INTO subscriber (id, email, name) VALUES (1, 'ann@example.com', 'Ann'), (2, 'bo@example.com', 'Bo')");
        execute("INSERT INTO plan (id, code, name, price_amount, currency, billing_period)"
                + " VALUES (1, 'basic', 'Basic', 9.99, 'EUR', 'MONTHLY')");
        execute("INSERT INTO subscription (id, subscriber_id, plan_id, status, started_at, current_period_start,"
                + " current_period_end) VALUES (1, 1, 1, 'ACTIVE', now() - interval '40 days', now() - interval '10 days',"
                + " now() + interval '20 days'), (2, 2, 1, 'ACTIVE', now() - interval '40 days',"
                + " now() - interval '10 days', now() + interval '20 days')");
        execute("INSERT INTO cancellation (id, reference, subscription_id, requested_at, effective_at, mode,"
                + " refund_amount, refund_currency, channel, actor) VALUES"
                + " (1, 'CX-AAAA-2222', 1, now() - interval '10 minutes', now() + interval '20 days', 'END_OF_PERIOD',"
                + " 0, 'EUR', 'WEB', 'ann@example.com'),"
                + " (2, 'CX-BBBB-3333', 2, now() - interval '2 hours', now() + interval '20 days', 'END_OF_PERIOD',"
                + " 0, 'EUR', 'WEB', 'bo@example.com')");
        execute("INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', 'Subscription', '1', 'SubscriptionCancelled', '{}',"
                + "  now() - interval '10 minutes'),"
                + " ('00000000-0000-0000-0000-000000000002', 'Subscription', '2', 'SubscriptionCancelled', '{}',"
                + "  now() - interval '2 hours'),"
                + " ('00000000-0000-0000-0000-000000000003', 'Subscription', '2', 'CancellationUndone', '{}',"
                + "  now() - interval '1 minute')");
        execute("INSERT INTO outbox_consumer (name, registered_at, enrolled_until)"
                + " VALUES ('survey-invitation', now() - interval '1 day', now())");
        execute("INSERT INTO outbox_delivery (event_id, consumer, status, attempts, next_attempt_at, handled_at) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', 'survey-invitation', 'DONE', 1, now(), now()),"
                + " ('00000000-0000-0000-0000-000000000002', 'survey-invitation', 'DONE', 1, now(), now()),"
                + " ('00000000-0000-0000-0000-000000000003', 'survey-invitation', 'PENDING', 0, now(), NULL)");
        execute("INSERT INTO survey_invitation (id, event_id, cancellation_id, subscriber_id, status, due_at) VALUES"
                + " (1, '00000000-0000-0000-0000-000000000001', 1, 1, 'SCHEDULED', now() + interval '50 minutes')");
        execute("INSERT INTO survey_invitation (id, event_id, cancellation_id, subscriber_id, status, due_at, sent_at,"
                + " token_hash, opt_out_hash, expires_at) VALUES (2, '00000000-0000-0000-0000-000000000002', 2, 2,"
                + " 'SENT', now() - interval '1 hour', now() - interval '1 hour', repeat('a', 64), repeat('b', 64),"
                + " now() + interval '13 days')");
        SchemaMigration.migrate(dataSource);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aScheduledInvitationIsDueAgainWhenItWasDue() throws SQLException {
        assertEquals(List.of("PENDING 0 true"), rows("SELECT d.status || ' ' || d.attempts || ' '"
                + " || (d.next_attempt_at = i.due_at) FROM outbox_delivery d JOIN survey_invitation i"
                + " ON i.event_id = d.event_id WHERE d.consumer = 'survey-invitation' AND i.id = 1"));
    }

    @Test
    void aSentInvitationKeepsItsDeliveryDone() throws SQLException {
        assertEquals(List.of("DONE"), rows("SELECT status FROM outbox_delivery"
                + " WHERE event_id = '00000000-0000-0000-0000-000000000002' AND consumer = 'survey-invitation'"));
    }

    @Test
    void anUndoIsNoLongerDeliveredToTheInvitation() throws SQLException {
        assertEquals(List.of("DONE"), rows("SELECT status FROM outbox_delivery"
                + " WHERE event_id = '00000000-0000-0000-0000-000000000003' AND consumer = 'survey-invitation'"));
    }

    @Test
    void anInvitationThatMayStillBeRemindedIsAnnouncedAsSentWhenItWasSent() throws SQLException {
        assertEquals(List.of("SurveyInvitation 2 {\"invitationId\":2} true"), rows("SELECT e.aggregate_type || ' '"
                + " || e.aggregate_id || ' ' || e.payload || ' ' || (e.occurred_at = i.sent_at) FROM outbox_event e"
                + " JOIN survey_invitation i ON i.id::text = e.aggregate_id WHERE e.event_type = 'SurveyInvitationSent'"));
        assertEquals(List.of("true"), rows("SELECT (c.registered_at = i.sent_at)::text FROM outbox_consumer c, survey_invitation i"
                + " WHERE c.name = 'survey-reminder' AND i.id = 2"));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
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
}
