package org.cancelportal.publiccancel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.cancelportal.publiccancel.control.ContractMatching.Candidate;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;
import org.cancelportal.schema.control.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matching rules against the real schema: which subscriptions the database offers them. */
class SubscriptionCandidatesTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static SubscriptionCandidates candidates;
    private static long annaBasic;
    private static long annaFitness;
    private static long caraScheduled;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigration.migrate(dataSource);
        candidates = new SubscriptionCandidates(dataSource);
        long basic = insert("INSERT INTO plan (code, name, price_amount, currency, billing_period)"
                + " VALUES ('basic', 'Streaming Basic', 9.99, 'EUR', 'MONTHLY') RETURNING id");
        long fitness = insert("INSERT INTO plan (code, name, price_amount, currency, billing_period)"
                + " VALUES ('fitness', 'Fitness Online', 14.99, 'EUR', 'MONTHLY') RETURNING id");
        long anna = insert("INSERT INTO subscriber (email, name, external_id) VALUES ('Anna@Example.com',"
                + " 'Anna Schmidt', 'K-77') RETURNING id");
        long ben = insert("INSERT INTO subscriber (email, name) VALUES ('ben@example.com', 'Anna Schmidt') RETURNING id");
        annaBasic = subscription(anna, basic, "ACTIVE", "SUB-1001");
        annaFitness = subscription(anna, fitness, "ACTIVE", null);
        subscription(anna, fitness, "CANCELLED", "SUB-0999");
        subscription(ben, basic, "ACTIVE", "SUB-2001");
        long cara = insert("INSERT INTO subscriber (email, name) VALUES ('cara@example.com', 'Cara Klein') RETURNING id");
        caraScheduled = subscription(cara, basic, "CANCELLATION_SCHEDULED", "SUB-3001");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Optional<Long> match(String contract, String name, String email) {
        return candidates.match(new Declared(contract, name, email, DeclarationKind.ORDINARY, null, null,
                "someone@example.com", Locale.ENGLISH)).map(Candidate::subscriptionId);
    }

    @Test
    void theAccountEmailIsFoundWhateverItsCase() {
        assertEquals(Optional.of(annaBasic), match("Streaming Basic", "Anna Schmidt", " anna@EXAMPLE.com "));
        assertEquals(Optional.of(annaBasic), match("sub-1001", "anna schmidt", "anna@example.com"));
    }

    @Test
    void onlyTheAccountsOwnActiveSubscriptionsCount() {
        assertEquals(Optional.empty(), match("SUB-0999", "Anna Schmidt", "anna@example.com"), "that one has ended");
        assertEquals(Optional.empty(), match("SUB-2001", "Anna Schmidt", "anna@example.com"), "someone else's");
        assertEquals(Optional.of(annaFitness), match("Fitness Online", "Anna Schmidt", "anna@example.com"));
        assertEquals(Optional.empty(), match("K-77", "Anna Schmidt", "anna@example.com"),
                "the customer reference alone leaves two");
        assertEquals(Optional.empty(), match("Streaming Basic", "Anna Schmidt", "nobody@example.com"));
    }

    @Test
    void aWithdrawalAlsoFindsASubscriptionWhoseCancellationIsScheduledACancellationDoesNot() {
        Declared declared = new Declared("Streaming Basic", "Cara Klein", "CARA@example.com",
                DeclarationKind.ORDINARY, null, null, "cara@example.com", Locale.ENGLISH);
        assertEquals(Optional.of(caraScheduled), candidates.matchForWithdrawal(declared).map(Candidate::subscriptionId));
        assertEquals(Optional.empty(), candidates.match(declared), "its cancellation is under way already");
        assertEquals(List.of(caraScheduled), candidates.forAgentWithdrawal(declared).stream()
                .map(Candidate::subscriptionId).toList());
        assertEquals(Optional.empty(), candidates.matchForWithdrawal(new Declared("SUB-0999", "Anna Schmidt",
                "anna@example.com", DeclarationKind.ORDINARY, null, null, "x@example.com", Locale.ENGLISH)),
                "an ended one is not withdrawn from");
    }

    @Test
    void theAgentSeesEveryActiveSubscriptionTheDeclarationMightMeanTheNamedAccountFirst() {
        List<Long> found = candidates.forAgent(new Declared("SUB-2001", "anna schmidt", "anna@example.com",
                DeclarationKind.ORDINARY, null, null, "x@example.com", Locale.ENGLISH)).stream()
                .map(Candidate::subscriptionId).toList();
        assertEquals(3, found.size(), found::toString);
        assertEquals(List.of(annaBasic, annaFitness), found.subList(0, 2));
    }

    private static long subscription(long subscriber, long plan, String status, String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("INSERT INTO subscription (subscriber_id,"
                     + " plan_id, external_reference, status, started_at, current_period_start, current_period_end)"
                     + " VALUES (?, ?, ?, ?, now() - interval '40 days', now() - interval '10 days',"
                     + " now() + interval '20 days') RETURNING id")) {
            statement.setLong(1, subscriber);
            statement.setLong(2, plan);
            statement.setString(3, reference);
            statement.setString(4, status);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long insert(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
