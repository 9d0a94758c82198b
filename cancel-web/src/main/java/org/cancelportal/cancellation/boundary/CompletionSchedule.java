package org.cancelportal.cancellation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.cancelportal.cancellation.control.CancellationCompletion;
import org.cancelportal.cancellation.control.CompletionSettings;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/** Every minute, ends the subscriptions whose cancellation has reached its effective date. */
@ApplicationScoped
public class CompletionSchedule {

    private static final Logger LOG = Logger.getLogger(CompletionSchedule.class.getName());

    @Inject
    RepeatingJobs jobs;

    @Inject
    CancellationCompletion completion;

    @Inject
    CompletionSettings settings;

    void start(@Observes SchemaReady ready) {
        jobs.every(settings.interval(), Duration.ofSeconds(5), "Ending due subscriptions",
                this::completeDue);
    }

    void completeDue() {
        int ended;
        do {
            ended = completion.completeDue();
            int batch = ended;
            if (batch > 0) {
                LOG.info(() -> batch + " subscriptions reached the end of their cancellation and are now ended");
            }
        } while (ended > 0);
    }
}
