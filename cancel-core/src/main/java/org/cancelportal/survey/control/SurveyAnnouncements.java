package org.cancelportal.survey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.survey.entity.SurveyResponse;

/**
 * Hands survey answers whose time has come (see {@link SurveyResponse#announceAfter}) to the outbox, one event each,
 * for the operators' webhooks. The event carries only the answer's id and operator: what an operator is told is
 * decided when its delivery is made, from the answer as it then is.
 */
@ApplicationScoped
@Transactional
public class SurveyAnnouncements {

    public static final String AGGREGATE = "SurveyResponse";
    public static final String ANNOUNCED = "SurveyResponseAnnounced";
    static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Announces up to one batch; every node may run this at once (SKIP LOCKED), and a row is announced once. The
     * batch goes out in no particular order, so the order of the events does not tell the order of the answers.
     *
     * @return how many were announced
     */
    public int announceDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = NativeSql.query(em, "SELECT id FROM survey_response WHERE announced_at IS NULL"
                + " AND announce_after IS NOT NULL AND announce_after <= ?1 AND operator_id IS NOT NULL"
                + " ORDER BY random() LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED", Timestamp.from(now)).getResultList();
        for (Number id : ids) {
            SurveyResponse answer = em.find(SurveyResponse.class, id.longValue());
            answer.announced(now);
            outbox.publish(AGGREGATE, answer.getId(), ANNOUNCED, Json.createObjectBuilder()
                    .add("responseId", answer.getId()).add("operatorId", answer.getOperatorId()).build());
        }
        return ids.size();
    }
}
