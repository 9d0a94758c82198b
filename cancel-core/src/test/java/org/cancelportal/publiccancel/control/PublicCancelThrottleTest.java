package org.cancelportal.publiccancel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cancelportal.identity.control.LoginSettings;
import org.cancelportal.identity.control.LoginThrottle;
import org.cancelportal.schema.control.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicCancelThrottleTest {

    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static PublicCancelThrottle throttle;
    private static LoginThrottle logins;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        SchemaMigration.migrate(postgres.getPostgresDatabase());
        PublicCancelSettings settings = new PublicCancelSettings();
        settings.maxPerAddress = 3;
        settings.blockMinutes = 5;
        settings.maxPerRecipient = 2;
        settings.recipientWindowMinutes = 60;
        throttle = new PublicCancelThrottle(postgres.getPostgresDatabase(), settings);
        logins = new LoginThrottle(postgres.getPostgresDatabase(), new LoginSettings(3, 3, 5));
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void oneAddressSendingTooManyDeclarationsWaitsAFewMinutesNeverLonger() {
        String address = "10.9.0.1";
        throttle.declared(address, NOW);
        throttle.declared(address, NOW.plusSeconds(20));
        assertEquals(Optional.empty(), throttle.refusedFor(address, NOW.plusSeconds(30)));

        throttle.declared(address, NOW.plusSeconds(40));

        assertEquals(Optional.of(Duration.ofMinutes(5)), throttle.refusedFor(address, NOW.plusSeconds(40)));
        assertEquals(Optional.of(Duration.ofSeconds(4 * 60 + 30)), throttle.refusedFor(address, NOW.plusSeconds(70)));
        assertEquals(Optional.empty(), throttle.refusedFor(address, NOW.plusSeconds(40 + 5 * 60)));
        assertEquals(Optional.empty(), throttle.refusedFor("10.9.0.2", NOW.plusSeconds(40)), "other addresses go on");
    }

    @Test
    void declarationsSpreadOverMoreThanTheWindowNeverAddUp() {
        String address = "10.9.1.1";
        for (int minute = 0; minute < 30; minute += 6) {
            throttle.declared(address, NOW.plus(Duration.ofMinutes(minute)));
        }
        assertEquals(Optional.empty(), throttle.refusedFor(address, NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void declarationsAndSignInsAreCountedApart() {
        String address = "10.9.2.1";
        throttle.declared(address, NOW);
        throttle.declared(address, NOW);
        logins.failed("someone@example.com", address, NOW);
        logins.failed("someone-else@example.com", address, NOW);

        assertEquals(Optional.empty(), throttle.refusedFor(address, NOW));
        assertEquals(Optional.empty(), logins.refusedFor("third@example.com", address, NOW));
    }

    @Test
    void oneTypedInAddressGetsItsShareOfEmailsPerWindowHoweverManyClientsSendAndWhateverItsCase() {
        String recipient = "target-" + System.nanoTime() + "@example.com";
        assertEquals(true, throttle.mayEmailRecipient(recipient, NOW));
        assertEquals(true, throttle.mayEmailRecipient("  " + recipient.toUpperCase() + " ", NOW.plusSeconds(60)));

        assertEquals(false, throttle.mayEmailRecipient(recipient, NOW.plusSeconds(120)), "beyond the limit");
        assertEquals(false, throttle.mayEmailRecipient(recipient, NOW.plus(Duration.ofMinutes(59))));
        assertEquals(true, throttle.mayEmailRecipient("other-" + recipient, NOW.plusSeconds(120)),
                "other addresses go on");
        assertEquals(Optional.empty(), throttle.refusedFor("10.9.3.1", NOW.plusSeconds(120)),
                "no client address is slowed down by it");

        assertEquals(true, throttle.mayEmailRecipient(recipient, NOW.plus(Duration.ofMinutes(61))),
                "one window later the address gets emails again");
    }
}
