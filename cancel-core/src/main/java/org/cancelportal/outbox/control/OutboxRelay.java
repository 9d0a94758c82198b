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

    /** Enrols new events and delivers up to one batch; returns how many deliveries were attempted. */
    public int poll(OutboxConsumer consumer) {
        deliveries.enrol(consumer);
        int attempted = 0;
        while (attempted < settings.batchSize() && deliveries.deliverNext(consumer).isPresent()) {
            attempted++;
        }
        return attempted;
    }
}
