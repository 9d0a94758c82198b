package org.cancelportal.insights.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cancelportal.schema.control.SchemaMigration;

/** A migrated PostgreSQL with small, hand-made cancellations and answers whose figures a test can work out. */
final class InsightsDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    final DataSource dataSource;
    private final AtomicInteger sequence = new AtomicInteger();

    InsightsDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        SchemaMigration.migrate(dataSource);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    void plan(String code) throws SQLException {
        update("INSERT INTO plan (code, name, price_amount, currency, billing_period) VALUES (?, ?, 9.99, 'EUR',"
                + " 'MONTHLY')", code, code);
    }

    /** A cancellation made {@code tenureDays} after the subscription started; returns its id. */
    long cancellation(String plan, String locale, int tenureDays, String channel, Instant requestedAt,
                      Integer journeySeconds) throws SQLException {
        int n = sequence.incrementAndGet();
        long subscriber = insert("INSERT INTO subscriber (email, name, locale) VALUES (?, ?, ?) RETURNING id",
                "person" + n + "@example.com", "Person " + n, locale);
        Instant started = requestedAt.minus(Duration.ofDays(tenureDays));
        long subscription = insert("INSERT INTO subscription (subscriber_id, plan_id, status, started_at,"
                        + " current_period_start, current_period_end) SELECT ?, id, 'CANCELLATION_SCHEDULED', ?, ?, ?"
                        + " FROM plan WHERE code = ? RETURNING id", subscriber, ts(started), ts(started),
                ts(requestedAt.plus(Duration.ofDays(30))), plan);
        return insert("INSERT INTO cancellation (reference, subscription_id, requested_at, effective_at, mode,"
                        + " refund_amount, refund_currency, channel, actor, journey_started_at)"
                        + " VALUES (?, ?, ?, ?, 'END_OF_PERIOD', 0, 'EUR', ?, 'someone', ?) RETURNING id",
                "CX-TEST-" + n, subscription, ts(requestedAt), ts(requestedAt.plus(Duration.ofDays(30))), channel,
                journeySeconds == null ? null : ts(requestedAt.minusSeconds(journeySeconds)));
    }

    /**
     * A withdrawal from a new subscription made {@code tenureDays} before it reached us, or (when {@code supersedes} is
     * not null) from the subscription of that scheduled cancellation, which it then takes the place of; returns its id.
     */
    long withdrawal(String plan, String locale, int tenureDays, String channel, Instant receivedAt, Long supersedes)
            throws SQLException {
        int n = sequence.incrementAndGet();
        long subscription;
        if (supersedes == null) {
            long subscriber = insert("INSERT INTO subscriber (email, name, locale) VALUES (?, ?, ?) RETURNING id",
                    "person" + n + "@example.com", "Person " + n, locale);
            Instant started = receivedAt.minus(Duration.ofDays(tenureDays));
            subscription = insert("INSERT INTO subscription (subscriber_id, plan_id, status, started_at,"
                            + " current_period_start, current_period_end) SELECT ?, id, 'WITHDRAWN', ?, ?, ?"
                            + " FROM plan WHERE code = ? RETURNING id", subscriber, ts(started), ts(started),
                    ts(started.plus(Duration.ofDays(30))), plan);
        } else {
            subscription = insert("UPDATE subscription SET status = 'WITHDRAWN' WHERE id = (SELECT subscription_id"
                    + " FROM cancellation WHERE id = ?) RETURNING id", supersedes);
            update("UPDATE cancellation SET superseded_by = ?, superseded_at = ? WHERE id = ?", "WD-TEST-" + n,
                    ts(receivedAt), supersedes);
        }
        return insert("INSERT INTO withdrawal (reference, subscription_id, received_at, carried_out_at, channel, actor,"
                        + " paid_amount, refund_amount, refund_currency, refund_basis, days_used, period_days,"
                        + " superseded_cancellation) VALUES (?, ?, ?, ?, ?, 'someone', 9.99, 9.99, 'EUR', 'FULL', 0, 30,"
                        + " (SELECT reference FROM cancellation WHERE id = ?)) RETURNING id",
                "WD-TEST-" + n, subscription, ts(receivedAt), ts(receivedAt), channel, supersedes);
    }

    void undo(long cancellation) throws SQLException {
        update("UPDATE cancellation SET undone_at = requested_at + INTERVAL '1 hour', undone_by = 'someone'"
                + " WHERE id = ?", cancellation);
    }

    /**
     * The refund a cancellation promised, due from {@code dueSince} for five days, in the given state: overdue from
     * {@code overdueSince} if not null; PAID or FAILED at {@code confirmedAt}.
     */
    void refund(long cancellation, String status, Instant dueSince, Instant overdueSince, Instant confirmedAt)
            throws SQLException {
        boolean paid = status.equals("PAID");
        update("INSERT INTO refund (cancellation_id, amount, currency, status, due_since, due_by, overdue_since,"
                        + " paid_on, payment_reference, failure_reason, confirmed_at, confirmed_by)"
                        + " VALUES (?, 5.00, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?)", cancellation, status, ts(dueSince),
                ts(dueSince.plus(Duration.ofDays(5))), overdueSince == null ? null : ts(overdueSince),
                paid ? java.sql.Date.valueOf(confirmedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate()) : null,
                paid ? "re_" + cancellation : null, status.equals("FAILED") ? "The card has expired." : null,
                confirmedAt == null ? null : ts(confirmedAt), confirmedAt == null ? null : "operator:test");
    }

    /** A renewal billing reported a day after the cancellation, held back; sorted out a day later if resolved. */
    void renewalHeldBack(long cancellation, boolean resolved) throws SQLException {
        update("INSERT INTO renewal_after_cancellation (subscription_id, cancellation_id, reported_at, reported_by,"
                + " channel, reported_period_start, reported_period_end, resolved_at, resolved_by)"
                + " SELECT subscription_id, id, requested_at + INTERVAL '1 day', 'operator:test', 'API', effective_at,"
                + " effective_at + INTERVAL '30 days', CASE WHEN ? THEN requested_at + INTERVAL '2 days' END,"
                + " CASE WHEN ? THEN 'support@example.com' END FROM cancellation WHERE id = ?",
                resolved, resolved, cancellation);
    }

    /** An invitation sent a day after the cancellation; returns its id. */
    long invite(long cancellation) throws SQLException {
        return insert("INSERT INTO survey_invitation (event_id, cancellation_id, status, due_at, sent_at)"
                + " SELECT gen_random_uuid(), id, 'SENT', requested_at + INTERVAL '1 day',"
                + " requested_at + INTERVAL '1 day' FROM cancellation WHERE id = ? RETURNING id", cancellation);
    }

    void responded(long invitation) throws SQLException {
        update("UPDATE survey_invitation SET responded_at = sent_at + INTERVAL '1 day' WHERE id = ?", invitation);
    }

    long response(String plan, String tenureBand, String channel, String locale, String reason, Instant submittedAt,
                  String comment, String fairOutcome, boolean anonymous, boolean contactConsent) throws SQLException {
        return insert("INSERT INTO survey_response (anonymous, reason_code, comment, fair_outcome, contact_consent,"
                        + " plan_code, billing_period, tenure_band, channel, locale, cancelled_month, submitted_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'MONTHLY', ?, ?, ?, ?, ?, ?) RETURNING id",
                anonymous, reason, comment, fairOutcome, contactConsent, plan, tenureBand, channel, locale,
                submittedAt.toString().substring(0, 7), ts(submittedAt), ts(submittedAt));
    }

    void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    long insert(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet key = statement.executeQuery()) {
            key.next();
            return key.getLong(1);
        }
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row a query returns, each made into a value: for tests that count for themselves. */
    <T> List<T> rows(String sql, Row<T> row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<T> all = new ArrayList<>();
            while (rows.next()) {
                all.add(row.read(rows));
            }
            return all;
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The work's result with its changes rolled back, so a test may rewrite tables the others go on reading. */
    <T> T rolledBack(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return text(connection, sql);
        }
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            StringBuilder all = new StringBuilder();
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    all.append(rows.getString(i)).append(i < rows.getMetaData().getColumnCount() ? "|" : "\n");
                }
            }
            return all.toString();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
