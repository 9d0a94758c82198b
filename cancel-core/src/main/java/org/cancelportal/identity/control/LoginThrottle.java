package org.cancelportal.identity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cancelportal.throttle.control.AttemptCounter;

/**
 * Slows down password guessing: after too many failed sign-ins within the window, for one account or from one client
 * address, sign-ins there are refused for a few minutes, whatever the password. The owner of an account is never
 * shut out for longer than that. Counted in the database ({@link AttemptCounter}), so every node sees the same
 * numbers.
 */
@ApplicationScoped
public class LoginThrottle {

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Inject
    LoginSettings settings;

    protected LoginThrottle() {
    }

    public LoginThrottle(DataSource dataSource, LoginSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** How long sign-ins for this account from this address are refused; empty when they are not. */
    public Optional<Duration> refusedFor(String account, String address, Instant now) {
        return keys(account, address).stream()
                .map(key -> counter().refusedFor(key, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    public void failed(String account, String address, Instant now) {
        counter().count(accountKey(account), settings.maxFailuresPerAccount(), window(), now);
        counter().count(addressKey(address), settings.maxFailuresPerAddress(), window(), now);
    }

    /** A correct password clears the account's count; the address keeps its count until its window ends. */
    public void succeeded(String account) {
        counter().clear(accountKey(account));
    }

    private AttemptCounter counter() {
        return new AttemptCounter(dataSource);
    }

    private Duration window() {
        return settings.block();
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
