package org.cancelportal.identity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after too many failed sign-ins within the window, for one account or from one client
 * address, sign-ins there are refused for a few minutes, whatever the password. The owner of an account is never
 * shut out for longer than that. Counted in the database, so every node sees the same numbers.
 */
@ApplicationScoped
public class LoginThrottle {

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "login.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "login.block-minutes", defaultValue = "5")
    int blockMinutes;

    protected LoginThrottle() {
    }

    public LoginThrottle(DataSource dataSource, int maxPerAccount, int maxPerAddress, int blockMinutes) {
        this.dataSource = dataSource;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.blockMinutes = blockMinutes;
    }

    /** How long sign-ins for this account from this address are refused; empty when they are not. */
    public Optional<Duration> refusedFor(String account, String address, Instant now) {
        return keys(account, address).stream()
                .map(key -> blockedUntil(key).filter(until -> until.isAfter(now))
                        .map(until -> Duration.between(now, until)))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    public void failed(String account, String address, Instant now) {
        count(accountKey(account), maxPerAccount, now);
        count(addressKey(address), maxPerAddress, now);
    }

    /** A correct password clears the account's count; the address keeps its count until its window ends. */
    public void succeeded(String account) {
        update("DELETE FROM login_throttle WHERE throttle_key = ?", accountKey(account));
    }

    private void count(String key, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(window()));
        Timestamp blockUntil = Timestamp.from(now.plus(window()));
        // one statement, so two nodes counting the same key at once both count
        update("INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at) VALUES (?, 1, ?)"
                        + " ON CONFLICT (throttle_key) DO UPDATE SET"
                        + " failures = CASE WHEN t.window_started_at < ? THEN 1 ELSE t.failures + 1 END,"
                        + " window_started_at = CASE WHEN t.window_started_at < ? THEN ? ELSE t.window_started_at END",
                key, at, windowStart, windowStart, at);
        update("UPDATE login_throttle SET blocked_until = ?, failures = 0, window_started_at = ?"
                + " WHERE throttle_key = ? AND failures >= ?", blockUntil, at, key, limit);
    }

    private Duration window() {
        return Duration.ofMinutes(blockMinutes);
    }

    private Optional<Instant> blockedUntil(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection,
                     "SELECT blocked_until FROM login_throttle WHERE throttle_key = ?", key);
             ResultSet row = statement.executeQuery()) {
            return row.next() && row.getTimestamp(1) != null ? Optional.of(row.getTimestamp(1).toInstant())
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the sign-in throttle failed", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a failed sign-in failed", e);
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

    private static List<String> keys(String account, String address) {
        return List.of(accountKey(account), addressKey(address));
    }

    private static String accountKey(String account) {
        return "account:" + UserAccounts.normalise(account);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
