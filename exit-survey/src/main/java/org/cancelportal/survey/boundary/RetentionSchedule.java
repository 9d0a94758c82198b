package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.cancelportal.privacy.control.SurveyRetention;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/** Applies the survey's retention rules shortly after start-up and every hour after. */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Inject
    RepeatingJobs jobs;

    @Inject
    SurveyRetention retention;

    void start(@Observes SchemaReady ready) {
        jobs.every(Duration.ofHours(1), Duration.ofSeconds(10), "Applying the survey retention", this::apply);
    }

    void apply() {
        int anonymised = retention.apply();
        if (anonymised > 0) {
            LOG.info(() -> anonymised + " survey answers passed their retention period and are now anonymous");
        }
    }
}
