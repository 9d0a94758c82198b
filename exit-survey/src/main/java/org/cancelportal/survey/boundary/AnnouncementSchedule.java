package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.survey.control.SurveyAnnouncements;
import org.cancelportal.survey.control.SurveySettings;

/**
 * Looks for survey answers that have become final, for the operators' webhooks, every survey.announce-interval-seconds.
 * Not at the moment an answer is given: it may still change, and for an anonymous one the moment would give away whose
 * it is.
 */
@ApplicationScoped
public class AnnouncementSchedule {

    private static final Logger LOG = Logger.getLogger(AnnouncementSchedule.class.getName());

    @Inject
    RepeatingJobs jobs;

    @Inject
    SurveyAnnouncements announcements;

    @Inject
    SurveySettings settings;

    void start(@Observes SchemaReady ready) {
        jobs.every(settings.announceInterval(), Duration.ofSeconds(5), "Announcing survey answers", this::announce);
    }

    void announce() {
        int announced;
        do {
            announced = announcements.announceDue();
            int batch = announced;
            if (batch > 0) {
                LOG.fine(() -> batch + " survey answers handed to the operators' webhooks");
            }
        } while (announced > 0);
    }
}
