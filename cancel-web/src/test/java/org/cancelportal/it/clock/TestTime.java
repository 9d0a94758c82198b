package org.cancelportal.it.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time the integration tests and their server agree on: the machine's clock moved by {@code it.clock.offset}
 * (an ISO-8601 duration, zero unless the build sets it, e.g. {@code -Dit.clock.offset=P365D}). The test JVM gets the
 * property from failsafe and the server JVM from arquillian.xml, so both read the same "now"; every date a test
 * sends or expects is worked out from here, never written down as a calendar date.
 */
public final class TestTime {

    public static final Duration OFFSET = Duration.parse(System.getProperty("it.clock.offset", "PT0S"));

    private TestTime() {
    }

    public static Instant now() {
        return Instant.now().plus(OFFSET);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Midnight UTC of the day that many days from today (negative: in the past), as the API writes it. */
    public static Instant midnightInDays(long days) {
        return today().plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The same as text, e.g. "2027-01-05T00:00:00Z". */
    public static String isoMidnightInDays(long days) {
        return midnightInDays(days).toString();
    }

    public static Instant startOfTodayUtc() {
        return now().truncatedTo(ChronoUnit.DAYS);
    }
}
