package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.cancelportal.schema.control.NativeSql;

/** "No more surveys": a wish kept per person, which every later invitation and reminder asks about first. */
@ApplicationScoped
@Transactional
public class OptOuts {

    @PersistenceContext
    EntityManager em;

    @Inject
    SurveyLinks links;

    @Inject
    Clock clock;

    /** The person an opt-out link speaks for, if it is one of ours. */
    public Optional<Long> subscriberOf(String token) {
        return links.secretHash(SurveyLinks.OPT_OUT, token)
                .flatMap(hash -> NativeSql.query(em, "SELECT subscriber_id FROM survey_invitation"
                                + " WHERE (opt_out_hash = ?1 OR reminder_opt_out_hash = ?1) AND subscriber_id IS NOT NULL",
                                hash).getResultStream().findFirst().map(id -> ((Number) id).longValue()));
    }

    public boolean hasOptedOut(long subscriberId) {
        return !NativeSql.query(em, "SELECT 1 FROM survey_opt_out WHERE subscriber_id = ?1", subscriberId)
                .getResultList().isEmpty();
    }

    public void optOut(long subscriberId) {
        NativeSql.query(em, "INSERT INTO survey_opt_out (subscriber_id, opted_out_at) VALUES (?1, ?2)"
                + " ON CONFLICT (subscriber_id) DO NOTHING", subscriberId, Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
