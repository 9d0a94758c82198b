package org.cancelportal.survey.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.privacy.control.SurveyRetention;
import org.cancelportal.schema.control.SchemaReady;

/** Applies the survey's retention rules at start-up and every hour after. */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SurveyRetention retention;

    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::apply, 10, 3600, TimeUnit.SECONDS);
    }

    void apply() {
        try {
            int anonymised = retention.apply();
            if (anonymised > 0) {
                LOG.info(() -> anonymised + " survey answers passed their retention period and are now anonymous");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying the survey retention failed; trying again in an hour", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
