package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.survey.control.Invitations;
import org.cancelportal.survey.control.SurveySettings;

/**
 * The one reminder (survey.reminder-after, off when empty), due that long after its invitation went out, through the
 * same delivery machinery: attempts, backoff, the admin page.
 */
@ApplicationScoped
public class ReminderEmail implements OutboxConsumer {

    @Inject
    Invitations invitations;

    @Inject
    InvitationEmail email;

    @Inject
    SurveySettings settings;

    @Override
    public String name() {
        return "survey-reminder";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(Invitations.SENT);
    }

    @Override
    public Duration delay() {
        return settings.reminderAfter().orElse(Duration.ZERO);
    }

    @Override
    public void handle(OutboxEvent sent) throws Exception {
        Optional<Invitations.ToSend> reminder = invitations.remind(sent);
        if (reminder.isPresent()) {
            email.send(reminder.get(), true);
        }
    }
}
