package org.cancelportal.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Survey answers are linked to a person only as long as needed: after survey.retention-days they become anonymous,
 * and the key that lets a link change its answer is dropped once its 24 hours are over.
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
        return em.createNativeQuery("UPDATE survey_response SET subscriber_id = NULL, cancellation_id = NULL,"
                        + " anonymous = TRUE, contact_consent = FALSE WHERE NOT anonymous AND submitted_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(settings.surveyRetention())))
                .executeUpdate();
    }
}
