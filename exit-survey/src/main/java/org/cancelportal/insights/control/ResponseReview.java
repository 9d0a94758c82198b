package org.cancelportal.insights.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import org.cancelportal.schema.control.NativeSql;

/** What the team does with an answer: mark it reviewed (or not again), and sort it with tags. */
@ApplicationScoped
@Transactional
public class ResponseReview {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** @return whether the answer exists */
    public boolean markReviewed(long responseId, boolean reviewed, String by) {
        return run("UPDATE survey_response SET reviewed = ?2, reviewed_at = ?3, reviewed_by = ?4 WHERE id = ?1",
                responseId, reviewed, reviewed ? Timestamp.from(clock.instant()) : null, reviewed ? by : null) == 1;
    }

    /** @throws IllegalArgumentException the tag is not a short word (see {@link Tags#valid}) */
    public void addTag(long responseId, String tag) {
        String clean = Tags.normalise(tag);
        if (!Tags.valid(clean)) {
            throw new IllegalArgumentException("Not a tag: " + tag);
        }
        run("INSERT INTO survey_response_tag (response_id, tag) SELECT id, ?2 FROM survey_response WHERE id = ?1"
                + " ON CONFLICT DO NOTHING", responseId, clean);
    }

    public void removeTag(long responseId, String tag) {
        run("DELETE FROM survey_response_tag WHERE response_id = ?1 AND tag = ?2", responseId, Tags.normalise(tag));
    }

    private int run(String sql, Object... parameters) {
        return NativeSql.query(em, sql, parameters).executeUpdate();
    }
}
