package org.cancelportal.it.clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;

/**
 * Test deployments only: the application's one clock, moved by {@link TestTime#OFFSET}, so that the whole suite can
 * run as if it were another day (a year ahead, say) without touching the machine. Selected over the production
 * producer because it is an enabled alternative; the built WARs never contain it.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ShiftedClockProducer {

    @Produces
    public Clock clock() {
        return Clock.offset(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)), TestTime.OFFSET);
    }
}
