package org.cancelportal.outbox.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Polls the outbox for the consumers of this application (each module has its own) and delivers their events.
 * Every node runs one; they share the work through the row locks in {@link Deliveries}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Instance<OutboxConsumer> consumers;

    @Inject
    Deliveries deliveries;

    @Inject
    RelaySettings settings;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    void start(@Observes SchemaReady ready) {
        for (OutboxConsumer consumer : consumers) {
            deliveries.register(consumer);
            tasks.add(scheduler.scheduleWithFixedDelay(() -> pollQuietly(consumer), settings.pollIntervalMs(),
                    settings.pollIntervalMs(), TimeUnit.MILLISECONDS));
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

    private void pollQuietly(OutboxConsumer consumer) {
        try {
            poll(consumer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox relay for " + consumer.name() + " failed; trying again at the next poll", e);
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }
}
