package org.cancelportal.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cancelportal.schema.control.SchemaMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The two database roles of docs/operations.md, set up with the very SQL that page gives an operator: the owner
 * migrates, and the application's runtime role does all the application's work with rows but cannot change the
 * schema. On a real PostgreSQL, because privileges are the engine's own rules.
 */
class DatabaseRolesTest {

    private static final Path OPERATIONS = Path.of("../docs/operations.md");
    private static final Path SESSIONS_XML = Path.of("src/main/liberty/config/sessions.xml");
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** Liberty makes its session table on the first start, as the role its session store connects as. */
    private static final String SESSION_TABLE = "CREATE TABLE http_sessions.http_sessions (id VARCHAR(128) PRIMARY KEY,"
            + " small BYTEA)";

    private EmbeddedPostgres postgres;

    @BeforeEach
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterEach
    void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void theRuntimeRoleDoesTheApplicationsWorkOnASchemaTheOwnerMigrated() throws Exception {
        DataSource runtime = setUpTwoRolesAsDocumented();

        long subscription = subscriptionWrittenAs(runtime);
        try (Connection connection = runtime.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE subscription SET status = 'CANCELLATION_SCHEDULED', version = version + 1"
                    + " WHERE id = " + subscription);
            statement.execute("INSERT INTO cancellation (reference, subscription_id, requested_at, effective_at, mode,"
                    + " refund_amount, refund_currency, channel, actor) VALUES ('R-ROLES', " + subscription
                    + ", now(), now() + interval '10 days', 'END_OF_PERIOD', 0, 'EUR', 'WEB', 'roles@example.com')");
            assertEquals(1, number(statement, "SELECT sum(cancelled) FROM insights_cancellation_day"),
                    "the insights trigger counted the cancellation the runtime role wrote");
            statement.execute("INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload,"
                    + " occurred_at, position) VALUES ('" + UUID.randomUUID() + "', 'subscription', '" + subscription
                    + "', 'cancellation.scheduled', '{}', now(), nextval('outbox_event_position_seq'))");
            assertEquals(1, number(statement, "SELECT count(*) FROM (SELECT id FROM outbox_event"
                    + " FOR UPDATE SKIP LOCKED) claimed"), "a relay claims the outbox row");
            statement.execute("DELETE FROM outbox_event");
            assertTrue(number(statement, "SELECT count(*) FROM flyway_schema_history WHERE success") > 20,
                    "the readiness check reads the migration history");
        }
        run(runtime, sessionStoreConnectStatement(), SESSION_TABLE);
        runsTheSessionStoresConnectStatementAndKeepsSessions(runtime);

        assertRefused(runtime, "CREATE TABLE shadow (id INT)");
        assertRefused(runtime, "DROP TABLE outbox_event");
        assertRefused(runtime, "TRUNCATE audit_entry");
        assertRefused(runtime, "ALTER TABLE subscription ADD COLUMN shadow INT");
        assertRefused(runtime, "CREATE SCHEMA shadow");
        assertRefused(runtime, "DELETE FROM flyway_schema_history");
        assertRefused(runtime, "CREATE OR REPLACE FUNCTION tenure_band(started TIMESTAMPTZ, ended TIMESTAMPTZ)"
                + " RETURNS VARCHAR(16) LANGUAGE sql AS $$ SELECT 'shadow'::VARCHAR $$");
    }

    @Test
    void aDatabaseMigratedWithOneRoleMovesToTwoWithTheDocumentedGrants() throws Exception {
        run(postgres.getPostgresDatabase(), "CREATE ROLE cancelportal LOGIN PASSWORD 'one-role'",
                "CREATE DATABASE cancelportal OWNER cancelportal");
        DataSource oneRole = postgres.getDatabase("cancelportal", "cancelportal");
        SchemaMigration.migrate(oneRole, oneRole);
        run(oneRole, sessionStoreConnectStatement(), SESSION_TABLE);

        run(postgres.getPostgresDatabase(), "CREATE ROLE cancelportal_app LOGIN PASSWORD 'runtime'");
        DataSource runtime = postgres.getDatabase("cancelportal_app", "cancelportal");
        run(oneRole, statements(sqlAfter("let it use the session table Liberty made as the old role:")));
        SchemaMigration.migrate(oneRole, runtime);

        subscriptionWrittenAs(runtime);
        runsTheSessionStoresConnectStatementAndKeepsSessions(runtime);
        assertRefused(runtime, "DROP TABLE subscription");
    }

    /** Runs the operator's SQL from docs/operations.md, migrates as the owner, and hands back the runtime role. */
    private DataSource setUpTwoRolesAsDocumented() throws Exception {
        List<String> blocks = sqlBlocksOfTheDatabaseSection();
        run(postgres.getPostgresDatabase(), statements(blocks.get(0)));
        run(postgres.getDatabase("postgres", "cancelportal"), statements(blocks.get(1)));
        DataSource owner = postgres.getDatabase("cancelportal_owner", "cancelportal");
        DataSource runtime = postgres.getDatabase("cancelportal_app", "cancelportal");
        assertTrue(SchemaMigration.migrate(owner, runtime).success);
        return runtime;
    }

    private static long subscriptionWrittenAs(DataSource runtime) throws SQLException {
        try (Connection connection = runtime.getConnection(); Statement statement = connection.createStatement()) {
            long subscriber = number(statement, "INSERT INTO subscriber (email, name) VALUES ('roles@example.com',"
                    + " 'Roles') RETURNING id");
            long plan = number(statement, "INSERT INTO plan (code, name, price_amount, currency, billing_period)"
                    + " VALUES ('roles', 'Roles', 9.99, 'EUR', 'MONTHLY') RETURNING id");
            long subscription = number(statement, "INSERT INTO subscription (subscriber_id, plan_id, status,"
                    + " started_at, current_period_start, current_period_end) VALUES (" + subscriber + ", " + plan
                    + ", 'ACTIVE', now() - interval '40 days', now() - interval '10 days', now() + interval '20 days')"
                    + " RETURNING id");
            assertEquals("ACTIVE", text(statement, "SELECT status FROM subscription WHERE id = " + subscription));
            return subscription;
        }
    }

    /** What Liberty's session store does as the runtime role: its connect statement, then rows in its table. */
    private static void runsTheSessionStoresConnectStatementAndKeepsSessions(DataSource runtime) throws Exception {
        try (Connection connection = runtime.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sessionStoreConnectStatement());
            statement.execute("INSERT INTO http_sessions.http_sessions (id) VALUES ('" + UUID.randomUUID() + "')");
            statement.execute("DELETE FROM http_sessions.http_sessions");
        }
    }

    private static void assertRefused(DataSource runtime, String sql) throws SQLException {
        try (Connection connection = runtime.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), () -> sql + ": " + refused.getMessage());
        }
    }

    /** The ```sql blocks of "## The database", in order. */
    private static List<String> sqlBlocksOfTheDatabaseSection() throws IOException {
        String page = Files.readString(OPERATIONS);
        int start = page.indexOf("## The database");
        String section = page.substring(start, page.indexOf("\n## ", start + 1));
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertTrue(blocks.size() >= 2, () -> "the section's SQL, as read: " + blocks);
        return blocks;
    }

    /** The backquoted SQL that follows {@code lead} in the section. */
    private static String sqlAfter(String lead) throws IOException {
        String page = Files.readString(OPERATIONS);
        int start = page.indexOf(lead);
        assertTrue(start >= 0, lead);
        Matcher quoted = Pattern.compile("`([^`]*)`").matcher(page.substring(start + lead.length()));
        assertTrue(quoted.find(), lead);
        return quoted.group(1);
    }

    private static String[] statements(String sql) {
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static String sessionStoreConnectStatement() throws Exception {
        NodeList dataSources = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(SESSIONS_XML.toFile())
                .getElementsByTagName("dataSource");
        for (int i = 0; i < dataSources.getLength(); i++) {
            Element dataSource = (Element) dataSources.item(i);
            if ("sessionStore".equals(dataSource.getAttribute("id"))) {
                return dataSource.getAttribute("onConnect");
            }
        }
        throw new AssertionError("sessions.xml has no sessionStore data source");
    }

    private static void run(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long number(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
    }

    private static String text(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getString(1);
        }
    }
}
