package org.cancelportal.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Polls the outbox for the consumers of this application (each module has its own) and delivers their events.
 * Every node runs one; they share the work through the row locks in {@link Deliveries}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    /** Long enough to drain many batches, short enough that new events are enrolled within seconds of a backlog. */
    static final Duration DRAIN_BEFORE_ENROLLING = Duration.ofSeconds(5);

    @Inject
    RepeatingJobs jobs;

    @Inject
    Instance<OutboxConsumer> consumers;

    @Inject
    Deliveries deliveries;

    @Inject
    RelaySettings settings;

    void start(@Observes SchemaReady ready) {
        for (OutboxConsumer consumer : consumers) {
            deliveries.register(consumer);
            Duration interval = Duration.ofMillis(settings.pollIntervalMs());
            jobs.every(interval, interval, "Outbox relay for " + consumer.name(), () -> poll(consumer));
            LOG.info(() -> "Outbox consumer " + consumer.name() + " started for " + consumer.eventTypes());
        }
    }

    /**
     * Enrols new events, then delivers batch after batch while a whole batch was due, so a backlog drains at the speed
     * of the consumer rather than one batch per poll. After {@link #DRAIN_BEFORE_ENROLLING} it returns, so the next
     * poll enrols what arrived meanwhile.
     *
     * @return how many deliveries were attempted
     */
    public int poll(OutboxConsumer consumer) {
        deliveries.enrol(consumer);
        long until = System.nanoTime() + DRAIN_BEFORE_ENROLLING.toNanos();
        int attempted = 0;
        int batch;
        do {
            batch = deliveries.deliverBatch(consumer);
            attempted += batch;
        } while (batch == settings.batchSize() && System.nanoTime() < until);
        return attempted;
    }
}
