package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.survey.control.SurveySettings;

/** Looks for due invitations every survey.send-interval-seconds and sends them, one transaction each. */
@ApplicationScoped
public class InvitationSchedule {

    @Inject
    RepeatingJobs jobs;

    @Inject
    InvitationDispatch dispatch;

    @Inject
    SurveySettings settings;

    void start(@Observes SchemaReady ready) {
        Duration interval = Duration.ofSeconds(settings.sendIntervalSeconds());
        jobs.every(interval, interval, "Sending survey invitations", this::sendDue);
    }

    void sendDue() {
        try {
            while (dispatch.sendNext().isPresent()) {
                // one transaction per invitation
            }
            while (dispatch.remindNext().isPresent()) {
                // one transaction per reminder
            }
        } catch (Exception e) {
            throw new IllegalStateException("An invitation could not be sent", e);
        }
    }
}
