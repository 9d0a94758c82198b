package org.cancelportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.schema.control.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static LoginThrottle throttle;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        SchemaMigration.migrate(postgres.getPostgresDatabase());
        throttle = new LoginThrottle(postgres.getPostgresDatabase(), new LoginSettings(3, 5, 5));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void anAccountIsRefusedForAFewMinutesAfterTooManyWrongPasswordsAndThenLetIn() {
        String account = "guessed@example.com";
        throttle.failed(account, "10.0.0.1", NOW);
        throttle.failed(account, "10.0.0.2", NOW.plusSeconds(10));
        assertEquals(Optional.empty(), throttle.refusedFor(account, "10.0.0.3", NOW.plusSeconds(20)));

        throttle.failed(account, "10.0.0.3", NOW.plusSeconds(30));

        assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.refusedFor(account, "10.0.0.9", NOW.plusSeconds(30)));
        assertEquals(Optional.of(Duration.ofMinutes(4)), throttle.refusedFor("GUESSED@example.com ", "10.0.0.9",
                NOW.plusSeconds(90)), "the same account however it is typed");
        assertEquals(Optional.empty(), throttle.refusedFor(account, "10.0.0.9", NOW.plusSeconds(30 + 5 * 60)),
                "never locked out for longer than the block");
        assertEquals(Optional.empty(), throttle.refusedFor("someone-else@example.com", "10.0.0.9", NOW.plusSeconds(30)));
    }

    @Test
    void theThrottleTableNamesNoAccountOnlyItsHash() throws Exception {
        throttle.failed("stored-" + NOW.getEpochSecond() + "@example.com", "10.4.0.1", NOW);

        try (var connection = postgres.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT throttle_key FROM login_throttle")) {
            while (rows.next()) {
                String key = rows.getString(1);
                assertFalse(key.contains("@") || key.contains("10.4.0.1"), key);
                assertTrue(key.matches("(account|address):[0-9a-f]{64}"), key);
            }
        }
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowNeverAddUp() {
        String account = "slow-typist@example.com";
        for (int minute = 0; minute < 30; minute += 6) {
            throttle.failed(account, "10.1.0." + minute, NOW.plus(Duration.ofMinutes(minute)));
        }
        assertEquals(Optional.empty(), throttle.refusedFor(account, "10.1.0.99", NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void theRightPasswordClearsTheAccountsCount() {
        String account = "forgetful@example.com";
        throttle.failed(account, "10.2.0.1", NOW);
        throttle.failed(account, "10.2.0.1", NOW);
        throttle.succeeded(account);
        throttle.failed(account, "10.2.0.2", NOW);
        throttle.failed(account, "10.2.0.2", NOW);

        assertEquals(Optional.empty(), throttle.refusedFor(account, "10.2.0.3", NOW));
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedForAllOfThem() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("target-" + i + "@example.com", "10.3.0.1", NOW);
        }

        assertTrue(throttle.refusedFor("anyone@example.com", "10.3.0.1", NOW).isPresent());
        assertEquals(Optional.empty(), throttle.refusedFor("anyone@example.com", "10.3.0.2", NOW));
    }
}
