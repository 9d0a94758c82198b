package org.cancelportal.safety.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.schema.control.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoTracesTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        SchemaMigration.migrate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void findsThePublishedLoginsAndTheOperatorsThatStillAcceptTheDemoKeyAndNothingElse() throws SQLException {
        assertEquals(new DemoTraces(List.of(), List.of()), DemoTraces.in(postgres.getPostgresDatabase()));

        execute("INSERT INTO app_user (username, password_hash) VALUES ('support@example.com', 'x'),"
                + " ('support@shop.example', 'x')");
        execute("INSERT INTO operator (id, code, name, created_at) VALUES (901, 'demo-shop', 'Demo Shop', now()),"
                + " (902, 'real-shop', 'Real Shop', now())");
        execute("INSERT INTO operator_api_key (key_hash, operator_id, created_at) VALUES ('"
                + Sha256.hex("demo-operator-key") + "', 901, now()), ('" + Sha256.hex("a key of its own")
                + "', 902, now())");

        assertEquals(new DemoTraces(List.of("support@example.com"), List.of("demo-shop")),
                DemoTraces.in(postgres.getPostgresDatabase()));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
