package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.survey.entity.SurveyInvitation;

/**
 * Decides, at the moment an invitation or its reminder is due, whether asking is still right, and records the asking.
 * Runs inside the outbox delivery's transaction: when the email then fails, none of this happened, and the delivery
 * tries again later (or, after its last attempt, waits on the admin page) without holding up anyone else's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Invitations {

    /** Announced when an invitation went out; its reminder consumer takes it up later. */
    public static final String SENT = "SurveyInvitationSent";

    /** Opting out is a wish that does not expire with the survey link. */
    static final Duration OPT_OUT_LINK_VALIDITY = Duration.ofDays(400);

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveySettings settings;

    @Inject
    SurveyLinks links;

    @Inject
    Outbox outbox;

    @Inject
    OptOuts optOuts;

    @Inject
    Clock clock;

    /** An invitation or reminder to send now: to whom, and the two links it carries. */
    public record ToSend(SurveyInvitation invitation, Subscriber subscriber, String answerToken, String optOutToken) {
    }

    /**
     * For a cancellation: records the invitation (once per event) and, unless there is a reason not to ask (an undo,
     * a withdrawal that took its place, an opt-out, a recent invitation), marks it sent and announces it for the
     * reminder.
     */
    public Optional<ToSend> invite(OutboxEvent cancelled) {
        String reference = cancelled.payloadObject().getString("reference");
        NativeSql.query(em, "INSERT INTO survey_invitation (event_id, cancellation_id, subscriber_id, status, due_at)"
                        + " SELECT ?1, c.id, s.subscriber_id, 'SCHEDULED', ?2 FROM cancellation c"
                        + " JOIN subscription s ON s.id = c.subscription_id WHERE c.reference = ?3"
                        + " ON CONFLICT (event_id) DO NOTHING", cancelled.getId(),
                Timestamp.from(cancelled.getOccurredAt().plus(settings.invitationDelay())), reference).executeUpdate();
        Optional<SurveyInvitation> scheduled = locked("SELECT id FROM survey_invitation WHERE event_id = ?1"
                + " AND status = 'SCHEDULED' FOR UPDATE", cancelled.getId());
        if (scheduled.isEmpty()) {
            return Optional.empty();
        }
        SurveyInvitation invitation = scheduled.get();
        Instant now = clock.instant();
        Optional<String> reasonNotToAsk = reasonNotToAsk(invitation, now);
        if (reasonNotToAsk.isPresent()) {
            invitation.skip(reasonNotToAsk.get());
            return Optional.empty();
        }
        Instant expiresAt = now.plus(settings.linkValidity());
        SurveyLinks.Issued answer = links.issue(SurveyLinks.ANSWER, expiresAt);
        SurveyLinks.Issued optOut = links.issue(SurveyLinks.OPT_OUT, now.plus(OPT_OUT_LINK_VALIDITY));
        invitation.sent(now, answer.secretHash(), optOut.secretHash(), expiresAt);
        outbox.publish("SurveyInvitation", invitation.getId(), SENT,
                Json.createObjectBuilder().add("invitationId", invitation.getId()).build());
        return Optional.of(new ToSend(invitation, subscriber(invitation), answer.token(), optOut.token()));
    }

    /**
     * The one reminder, if configured: only without an answer, an opt-out, an expired link, or a withdrawal that took
     * the cancellation's place since.
     */
    public Optional<ToSend> remind(OutboxEvent sent) {
        if (settings.reminderAfter().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<SurveyInvitation> open = locked("SELECT i.id FROM survey_invitation i WHERE i.id = ?1"
                + " AND i.status = 'SENT' AND i.responded_at IS NULL AND i.reminder_sent_at IS NULL"
                + " AND i.expires_at > ?2 AND i.subscriber_id IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM survey_opt_out o WHERE o.subscriber_id = i.subscriber_id) AND NOT EXISTS"
                + " (SELECT 1 FROM cancellation c WHERE c.id = i.cancellation_id AND c.superseded_by IS NOT NULL)"
                + " FOR UPDATE OF i",
                sent.payloadObject().getJsonNumber("invitationId").longValue(), Timestamp.from(now));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        SurveyInvitation invitation = open.get();
        SurveyLinks.Issued answer = links.issue(SurveyLinks.ANSWER, invitation.getExpiresAt());
        SurveyLinks.Issued optOut = links.issue(SurveyLinks.OPT_OUT, now.plus(OPT_OUT_LINK_VALIDITY));
        invitation.reminded(now, answer.secretHash(), optOut.secretHash());
        return Optional.of(new ToSend(invitation, subscriber(invitation), answer.token(), optOut.token()));
    }

    private Optional<String> reasonNotToAsk(SurveyInvitation invitation, Instant now) {
        Cancellation cancellation = em.find(Cancellation.class, invitation.getCancellationId());
        if (cancellation == null || cancellation.isUndone()) {
            return Optional.of("UNDONE");
        }
        if (cancellation.isSuperseded()) {
            // a withdrawal took its place: the person used their legal right, which is not a cancellation to ask about
            return Optional.of("SUPERSEDED");
        }
        if (invitation.getSubscriberId() == null) {
            return Optional.of("NO_SUBSCRIBER");
        }
        if (optOuts.hasOptedOut(invitation.getSubscriberId())) {
            return Optional.of("OPTED_OUT");
        }
        if (exists("SELECT 1 FROM survey_invitation WHERE subscriber_id = ?1 AND status = 'SENT' AND sent_at > ?2",
                invitation.getSubscriberId(), Timestamp.from(now.minus(settings.minTimeBetweenInvitations())))) {
            return Optional.of("RECENTLY_INVITED");
        }
        return Optional.empty();
    }

    private Optional<SurveyInvitation> locked(String sql, Object... parameters) {
        @SuppressWarnings("unchecked")
        List<Number> ids = NativeSql.query(em, sql, parameters).getResultList();
        return ids.stream().findFirst().map(id -> em.find(SurveyInvitation.class, id.longValue()));
    }

    private Subscriber subscriber(SurveyInvitation invitation) {
        return em.find(Subscriber.class, invitation.getSubscriberId());
    }

    private boolean exists(String sql, Object... parameters) {
        return !NativeSql.query(em, sql, parameters).getResultList().isEmpty();
    }
}
