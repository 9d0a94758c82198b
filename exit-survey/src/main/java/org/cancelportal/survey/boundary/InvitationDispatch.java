package org.cancelportal.survey.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.survey.control.SurveyLinks;
import org.cancelportal.survey.control.SurveySettings;
import org.cancelportal.survey.entity.SurveyInvitation;

/**
 * Sends due invitations, one per transaction, each claimed with SKIP LOCKED so several nodes never send the same one.
 * At send time it asks once more whether asking is still right: not after an undo, not after an opt-out, not twice
 * within the configured number of days.
 */
@ApplicationScoped
public class InvitationDispatch {

    /** Opting out is a wish that does not expire with the survey link. */
    static final Duration OPT_OUT_LINK_VALIDITY = Duration.ofDays(400);

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveySettings settings;

    @Inject
    SurveyLinks links;

    @Inject
    InvitationEmail email;

    @Inject
    Clock clock;

    /** @return the invitation sent or skipped, empty when none is due */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public Optional<SurveyInvitation> sendNext() throws Exception {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT id FROM survey_invitation WHERE status = 'SCHEDULED'"
                        + " AND due_at <= ?1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        SurveyInvitation invitation = em.find(SurveyInvitation.class, due.get(0).longValue());
        Optional<String> reasonNotToAsk = reasonNotToAsk(invitation, now);
        if (reasonNotToAsk.isPresent()) {
            invitation.skip(reasonNotToAsk.get());
            return Optional.of(invitation);
        }
        Instant expiresAt = now.plus(settings.linkValidity());
        SurveyLinks.Issued answer = links.issue(SurveyLinks.ANSWER, expiresAt);
        SurveyLinks.Issued optOut = links.issue(SurveyLinks.OPT_OUT, now.plus(OPT_OUT_LINK_VALIDITY));
        invitation.sent(now, answer.secretHash(), optOut.secretHash(), expiresAt);
        email.send(invitation, answer.token(), optOut.token());
        return Optional.of(invitation);
    }

    /** The one reminder, if configured: only without an answer, an opt-out or an expired link. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public Optional<SurveyInvitation> remindNext() throws Exception {
        Optional<Duration> after = settings.reminderAfter();
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT i.id FROM survey_invitation i WHERE i.status = 'SENT'"
                        + " AND i.responded_at IS NULL AND i.reminder_sent_at IS NULL AND i.sent_at <= ?1"
                        + " AND i.expires_at > ?2 AND i.subscriber_id IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM survey_opt_out o WHERE o.subscriber_id = i.subscriber_id)"
                        + " ORDER BY i.sent_at LIMIT 1 FOR UPDATE OF i SKIP LOCKED")
                .setParameter(1, Timestamp.from(now.minus(after.get())))
                .setParameter(2, Timestamp.from(now)).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        SurveyInvitation invitation = em.find(SurveyInvitation.class, due.get(0).longValue());
        SurveyLinks.Issued answer = links.issue(SurveyLinks.ANSWER, invitation.getExpiresAt());
        SurveyLinks.Issued optOut = links.issue(SurveyLinks.OPT_OUT, now.plus(OPT_OUT_LINK_VALIDITY));
        invitation.reminded(now, answer.secretHash(), optOut.secretHash());
        email.sendReminder(invitation, answer.token(), optOut.token());
        return Optional.of(invitation);
    }

    private Optional<String> reasonNotToAsk(SurveyInvitation invitation, Instant now) {
        Cancellation cancellation = em.find(Cancellation.class, invitation.getCancellationId());
        if (cancellation == null || cancellation.isUndone()) {
            return Optional.of("UNDONE");
        }
        if (invitation.getSubscriberId() == null) {
            return Optional.of("NO_SUBSCRIBER");
        }
        if (exists("SELECT 1 FROM survey_opt_out WHERE subscriber_id = ?1", invitation.getSubscriberId())) {
            return Optional.of("OPTED_OUT");
        }
        if (exists("SELECT 1 FROM survey_invitation WHERE subscriber_id = ?1 AND status = 'SENT' AND sent_at > ?2",
                invitation.getSubscriberId(), Timestamp.from(now.minus(settings.minTimeBetweenInvitations())))) {
            return Optional.of("RECENTLY_INVITED");
        }
        return Optional.empty();
    }

    private boolean exists(String sql, Object... parameters) {
        return !NativeSql.query(em, sql, parameters).getResultList().isEmpty();
    }
}
