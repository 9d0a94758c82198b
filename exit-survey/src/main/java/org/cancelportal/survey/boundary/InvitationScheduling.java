package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.util.Set;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.survey.control.SurveySettings;

/**
 * Learns of cancellations through the outbox and schedules one survey invitation for later; an undo in the meantime
 * cancels it. The survey never touches the cancellation itself: it only reads.
 */
@ApplicationScoped
public class InvitationScheduling implements OutboxConsumer {

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveySettings settings;

    @Override
    public String name() {
        return "survey-invitation";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CancellationEvents.CANCELLED, CancellationEvents.UNDONE);
    }

    @Override
    public void handle(OutboxEvent event) {
        JsonObject payload = Json.createReader(new StringReader(event.getPayload())).readObject();
        String reference = payload.getString("reference");
        if (CancellationEvents.CANCELLED.equals(event.getEventType())) {
            em.createNativeQuery("INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at)"
                            + " SELECT ?1, c.id, s.subscriber_id, 'SCHEDULED', ?2 FROM cancellation c"
                            + " JOIN subscription s ON s.id = c.subscription_id WHERE c.reference = ?3"
                            + " ON CONFLICT (event_id) DO NOTHING")
                    .setParameter(1, event.getId())
                    .setParameter(2, Timestamp.from(event.getOccurredAt().plus(settings.invitationDelay())))
                    .setParameter(3, reference)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE survey_invitation SET status = 'SKIPPED', skip_reason = 'UNDONE'"
                            + " WHERE status = 'SCHEDULED'"
                            + " AND cancellation_id = (SELECT id FROM cancellation WHERE reference = ?1)")
                    .setParameter(1, reference)
                    .executeUpdate();
        }
    }
}
