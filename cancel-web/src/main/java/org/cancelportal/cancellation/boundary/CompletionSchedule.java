package org.cancelportal.cancellation.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.cancellation.control.CancellationCompletion;
import org.cancelportal.schema.control.SchemaReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every minute, ends the subscriptions whose cancellation has reached its effective date. */
@ApplicationScoped
public class CompletionSchedule {

    private static final Logger LOG = Logger.getLogger(CompletionSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CancellationCompletion completion;

    @Inject
    @ConfigProperty(name = "cancel.completion.interval-seconds", defaultValue = "60")
    long intervalSeconds;

    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::completeDue, 5, intervalSeconds, TimeUnit.SECONDS);
    }

    void completeDue() {
        try {
            int ended;
            do {
                ended = completion.completeDue();
                if (ended > 0) {
                    LOG.info(ended + " subscriptions reached the end of their cancellation and are now ended");
                }
            } while (ended > 0);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ending due subscriptions failed; trying again at the next run", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
