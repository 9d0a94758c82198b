package org.cancelportal.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import org.cancelportal.survey.control.SurveyAnnouncements;

/**
 * Survey answers are linked to a person only as long as needed: after survey.retention-days they become anonymous,
 * the webhook deliveries that named them are deleted, and the key that lets a link change its answer is dropped once its
 * 24 hours are over.
 */
@ApplicationScoped
@Transactional
public class SurveyRetention {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PrivacySettings settings;

    /** @return how many answers were made anonymous */
    public int apply() {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("UPDATE survey_response SET edit_key_hash = NULL, editable_until = NULL"
                + " WHERE editable_until < ?1").setParameter(1, now).executeUpdate();
        Timestamp retainedSince = Timestamp.from(clock.instant().minus(settings.surveyRetention()));
        em.createNativeQuery(forgetDeliveries("NOT r.anonymous AND r.submitted_at < ?1"))
                .setParameter(1, retainedSince).executeUpdate();
        // The operator stays: it names no one. An answer not announced by now is old news and is never announced,
        // rather than announced anonymous at a time that would still tell whose it is.
        em.createNativeQuery(forgetAnswerTimes("NOT r.anonymous AND r.submitted_at < ?1"))
                .setParameter(1, retainedSince).executeUpdate();
        return em.createNativeQuery("UPDATE survey_response SET subscriber_id = NULL, cancellation_id = NULL,"
                        + " anonymous = TRUE, contact_consent = FALSE, announce_after = NULL, " + ONLY_THE_DAY
                        + " WHERE NOT anonymous AND submitted_at < ?1")
                .setParameter(1, retainedSince).executeUpdate();
    }

    /** What an answer keeps of its times once it is anonymous: the day only, as one given anonymously. */
    static final String ONLY_THE_DAY = "submitted_at = date_trunc('day', submitted_at, 'UTC'),"
            + " updated_at = date_trunc('day', updated_at, 'UTC')";

    /**
     * Replaces in the invitations of the answers (alias r) the condition selects the time they were answered, which is
     * their answer's exact time, with their own sending time, as for an answer given anonymously
     * (SurveyInvitation#responded); run before the answers forget their cancellation.
     */
    static String forgetAnswerTimes(String answers) {
        return "UPDATE survey_invitation SET responded_at = coalesce(sent_at, due_at) WHERE responded_at IS NOT NULL"
                + " AND cancellation_id IN (SELECT r.cancellation_id FROM survey_response r WHERE " + answers + ")";
    }

    /**
     * Deletes the webhook deliveries of the answers (alias r) the condition selects: a named answer's delivery holds
     * the operator's ids beside the person's words, and a replay would send them again.
     */
    static String forgetDeliveries(String answers) {
        return "DELETE FROM webhook_delivery WHERE event_id IN (SELECT e.id FROM outbox_event e"
                + " JOIN survey_response r ON e.aggregate_id = r.id::text WHERE e.aggregate_type = '"
                + SurveyAnnouncements.AGGREGATE + "' AND e.event_type = '" + SurveyAnnouncements.ANNOUNCED + "' AND "
                + answers + ")";
    }
}
