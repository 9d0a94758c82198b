package org.cancelportal.insights.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cancelportal.outbox.control.Outbox;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.subscription.entity.Subscriber;

/**
 * A product person's reply to someone who agreed to be contacted. Recorded with the answer and announced through the
 * outbox in one transaction, so a reply that was accepted is sent, and sent once.
 */
@ApplicationScoped
@Transactional
public class Replies {

    public static final String WRITTEN = "SurveyReplyWritten";
    public static final int MAX_LENGTH = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Why a reply cannot be written; each has a message for the person writing it. */
    public enum Refusal { EMPTY, TOO_LONG, NO_CONSENT }

    public static class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /** @return the reply's id */
    public long write(long responseId, String author, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new RefusedException(Refusal.EMPTY);
        }
        if (body.length() > MAX_LENGTH) {
            throw new RefusedException(Refusal.TOO_LONG);
        }
        if (!mayBeContacted(responseId)) {
            throw new RefusedException(Refusal.NO_CONSENT);
        }
        long id = ((Number) NativeSql.query(em, "INSERT INTO survey_reply (response_id, author, body, written_at)"
                + " VALUES (?1, ?2, ?3, ?4) RETURNING id", responseId, author, body,
                Timestamp.from(clock.instant())).getSingleResult()).longValue();
        outbox.publish("SurveyResponse", responseId, WRITTEN, Json.createObjectBuilder().add("replyId", id).build());
        return id;
    }

    /** Only a person who said yes, whose answer still names them; locks the answer so consent cannot change midway. */
    boolean mayBeContacted(long responseId) {
        List<?> rows = NativeSql.query(em, "SELECT id FROM survey_response WHERE id = ?1 AND contact_consent"
                + " AND NOT anonymous AND subscriber_id IS NOT NULL FOR UPDATE", responseId).getResultList();
        return !rows.isEmpty();
    }

    /** A reply as it goes out: to whom, quoting what they wrote. */
    public record Deliverable(Subscriber to, String comment, String fairOutcome, String reply) {
    }

    /** The reply, if its person can still be contacted: they agreed to be, and have not been made anonymous since. */
    public Optional<Deliverable> deliverable(long replyId) {
        List<?> rows = NativeSql.query(em, "SELECT r.subscriber_id, r.comment, r.fair_outcome, p.body"
                + " FROM survey_reply p JOIN survey_response r ON r.id = p.response_id"
                + " WHERE p.id = ?1 AND r.contact_consent AND NOT r.anonymous", replyId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        Subscriber subscriber = em.find(Subscriber.class, ((Number) row[0]).longValue());
        return Optional.of(new Deliverable(subscriber, (String) row[1], (String) row[2], (String) row[3]));
    }

    public void markSent(long replyId) {
        NativeSql.query(em, "UPDATE survey_reply SET sent_at = ?2 WHERE id = ?1 AND sent_at IS NULL", replyId,
                Timestamp.from(clock.instant())).executeUpdate();
    }
}
