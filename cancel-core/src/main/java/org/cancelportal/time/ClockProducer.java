package org.cancelportal.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * All rules read the time from one clock, in UTC; pages convert to the subscriber's zone. It ticks in microseconds,
 * the database's precision, so a time held in memory equals the same time read back.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
