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
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.survey.control.SurveySettings;

/** Looks for due invitations every survey.send-interval-seconds and sends them. */
@ApplicationScoped
public class InvitationSchedule {

    private static final Logger LOG = Logger.getLogger(InvitationSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    InvitationDispatch dispatch;

    @Inject
    SurveySettings settings;

    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::sendDue, settings.sendIntervalSeconds(),
                settings.sendIntervalSeconds(), TimeUnit.SECONDS);
    }

    void sendDue() {
        try {
            while (dispatch.sendNext().isPresent()) {
                // one transaction per invitation
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Sending survey invitations failed; trying again at the next run", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
