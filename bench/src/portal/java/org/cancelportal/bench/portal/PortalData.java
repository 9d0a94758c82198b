package org.cancelportal.bench.portal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.identity.control.PasswordHashes;
import org.cancelportal.link.control.LinkSigner;
import org.cancelportal.schema.control.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills the portal benchmark's database: migrates it, then writes by set-based SQL one operator ("bench-shop", its
 * API key's hash only), 4 monthly plans and {@code size} subscribers with one active subscription each (the operator's
 * ids {@code cus_<n>} and {@code sub_<n>}), and the logins the benchmark signs in with: subscribers 1 to
 * {@code logins} ({@code person-<n>@bench.invalid}), one support agent and one admin, all with the password below,
 * hashed as the portal hashes new passwords. Nothing else: no demo data, no demo login, no demo key.
 * Arguments: JDBC URL, size, logins, API key.
 */
public final class PortalData {

    public static final String PASSWORD = "bench-password-1";

    private PortalData() {
    }

    public static void main(String[] args) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        int size = Integer.parseInt(args[1]);
        int logins = Integer.parseInt(args[2]);
        String apiKey = args[3];
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        step("migrate", started);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long loadStarted = System.nanoTime();
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica"); // no triggers: the rows below keep their references
                sql.execute("INSERT INTO operator (code, name, allowed_origins) VALUES "
                        + "('bench-shop', 'Bench Shop', 'https://shop.bench.invalid')");
                sql.execute("INSERT INTO plan (code, name, price_amount, currency, billing_period) VALUES "
                        + "('bench-basic-monthly-eur', 'Basic', 9.99, 'EUR', 'MONTHLY'), "
                        + "('bench-plus-monthly-eur', 'Plus', 14.99, 'EUR', 'MONTHLY'), "
                        + "('bench-family-monthly-eur', 'Family', 19.99, 'EUR', 'MONTHLY'), "
                        + "('bench-news-monthly-eur', 'News', 6.99, 'EUR', 'MONTHLY')");
                sql.execute("INSERT INTO subscriber (id, external_id, email, name, locale, time_zone, country, operator_id) "
                        + "OVERRIDING SYSTEM VALUE SELECT n, 'cus_' || n, 'person-' || n || '@bench.invalid', "
                        + "'Person ' || n, CASE WHEN n % 5 < 3 THEN 'de' ELSE 'en' END, 'Europe/Berlin', 'DE', "
                        + "(SELECT id FROM operator WHERE code = 'bench-shop') FROM generate_series(1, " + size + ") n");
                // Started 1 to 700 days ago; the running month began 0 to 27 days ago, so it contains now.
                sql.execute("INSERT INTO subscription (id, subscriber_id, plan_id, external_reference, status, started_at, "
                        + "current_period_start, current_period_end, operator_id) OVERRIDING SYSTEM VALUE "
                        + "SELECT n, n, (SELECT id FROM plan ORDER BY id OFFSET n % 4 LIMIT 1), 'sub_' || n, 'ACTIVE', "
                        + "date_trunc('day', now()) - ((n % 700) + 28) * interval '1 day', "
                        + "date_trunc('day', now()) - (n % 28) * interval '1 day', "
                        + "date_trunc('day', now()) - (n % 28) * interval '1 day' + interval '1 month', "
                        + "(SELECT id FROM operator WHERE code = 'bench-shop') FROM generate_series(1, " + size + ") n");
                for (String table : new String[] {"subscriber", "subscription"}) {
                    sql.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " + size + ")");
                }
                // Cancellation ids far from every other number, so the captured statements can tell them apart
                sql.execute("SELECT setval(pg_get_serial_sequence('cancellation', 'id'), 900000000)");
            }
            String hash = PasswordHashes.hash(PASSWORD.toCharArray());
            try (PreparedStatement users = connection.prepareStatement(
                    "INSERT INTO app_user (username, password_hash, subscriber_id) "
                            + "SELECT 'person-' || n || '@bench.invalid', ?, n FROM generate_series(1, ?) n");
                 PreparedStatement staff = connection.prepareStatement(
                         "INSERT INTO app_user (username, password_hash) VALUES "
                                 + "('support@bench.invalid', ?), ('admin@bench.invalid', ?)");
                 PreparedStatement key = connection.prepareStatement(
                         "INSERT INTO operator_api_key (key_hash, operator_id, created_at) "
                                 + "SELECT ?, id, now() FROM operator WHERE code = 'bench-shop'");
                 Statement sql = connection.createStatement()) {
                users.setString(1, hash);
                users.setInt(2, logins);
                users.executeUpdate();
                staff.setString(1, hash);
                staff.setString(2, hash);
                staff.executeUpdate();
                key.setString(1, LinkSigner.hash(apiKey));
                key.executeUpdate();
                sql.execute("INSERT INTO app_user_role (username, role) SELECT username, 'subscriber' FROM app_user "
                        + "WHERE subscriber_id IS NOT NULL");
                sql.execute("INSERT INTO app_user_role (username, role) VALUES ('support@bench.invalid', 'support'), "
                        + "('admin@bench.invalid', 'admin')");
            }
            connection.commit();
            step("load " + size + " subscribers and subscriptions", loadStarted);
            connection.setAutoCommit(true);
            long vacuumStarted = System.nanoTime();
            try (Statement sql = connection.createStatement()) {
                sql.execute("VACUUM (ANALYZE)");
            }
            step("vacuum analyze", vacuumStarted);
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                row.next();
                System.out.printf("  %-44s %10s%n", "database size", row.getString(1));
            }
        }
    }

    private static void step(String name, long startedNanos) {
        System.out.printf("  %-44s %8.1f s%n", name, (System.nanoTime() - startedNanos) / 1e9);
    }
}
