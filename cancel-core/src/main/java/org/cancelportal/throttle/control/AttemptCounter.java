package org.cancelportal.throttle.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Counts attempts per key (an account, a client address, ...) over a short window, in the database, so every node
 * sees the same numbers. A key that reaches its limit within the window is refused for one window length, then counts
 * from zero again: nobody is ever shut out for longer than that. Each kind of attempt uses its own key prefix.
 * A key names a person (an account is an email address), so only its SHA-256 is stored: no table row, SQL error or
 * log record holds the address.
 */
public final class AttemptCounter {

    private final DataSource dataSource;

    public AttemptCounter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How long the key is still refused; empty when it is not. */
    public Optional<Duration> refusedFor(String key, Instant now) {
        return blockedUntil(stored(key)).filter(until -> until.isAfter(now)).map(until -> Duration.between(now, until));
    }

    /** Counts one attempt; the one that reaches the limit blocks the key for one window. */
    public void count(String key, int limit, Duration window, Instant now) {
        String stored = stored(key);
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window));
        Timestamp blockUntil = Timestamp.from(now.plus(window));
        // one statement, so two nodes counting the same key at once both count
        update("INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at) VALUES (?, 1, ?)"
                        + " ON CONFLICT (throttle_key) DO UPDATE SET"
                        + " failures = CASE WHEN t.window_started_at < ? THEN 1 ELSE t.failures + 1 END,"
                        + " window_started_at = CASE WHEN t.window_started_at < ? THEN ? ELSE t.window_started_at END",
                stored, at, windowStart, windowStart, at);
        update("UPDATE login_throttle SET blocked_until = ?, failures = 0, window_started_at = ?"
                + " WHERE throttle_key = ? AND failures >= ?", blockUntil, at, stored, limit);
    }

    public void clear(String key) {
        update("DELETE FROM login_throttle WHERE throttle_key = ?", stored(key));
    }

    /** The key's prefix ("account:", "public-cancel:", ...) stays readable; what follows it is hashed. */
    static String stored(String key) {
        int prefix = key.indexOf(':') + 1;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(key.substring(prefix).getBytes(StandardCharsets.UTF_8));
            return key.substring(0, prefix) + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Optional<Instant> blockedUntil(String stored) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection,
                     "SELECT blocked_until FROM login_throttle WHERE throttle_key = ?", stored);
             ResultSet row = statement.executeQuery()) {
            return row.next() && row.getTimestamp(1) != null ? Optional.of(row.getTimestamp(1).toInstant())
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a throttle failed", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Counting an attempt failed", e);
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
}
