package org.cancelportal.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.hashing.Sha256;
import org.cancelportal.schema.control.NativeSql;

/**
 * Erases one person's personal data across both modules, on their request, under every operator that knows their
 * email address (an address is unique per operator only, and it is the same person). Their subscriptions, cancellations
 * and withdrawals stay as anonymised records, which the business must keep to account for them; everything else that
 * names them goes: name, email and login; support notes, the replies to their answers and their answers' own words;
 * their portal-session, reminder and sign-in links; the throttles counting their sign-ins; their sessions; and their
 * address and name wherever they were written into other text (delivery errors, event payloads, webhook bodies, API
 * replies, audit details, declarations made on the public forms). Their survey answers become anonymous (keeping
 * their operator, which names no one) and are not sent to the operator's webhooks if they have not been yet. Audit
 * entries and cancellations name them only by their subscriber number (their numbers, for what was none of theirs
 * alone).
 */
@ApplicationScoped
@Transactional
public class PersonalDataEraser {

    private static final String SESSIONS = "http_sessions.http_sessions";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Every subscriber with this address, under any operator. */
    @SuppressWarnings("unchecked")
    public List<Long> subscribersByEmail(String email) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM subscriber WHERE lower(email) = lower(?1) ORDER BY id")
                .setParameter(1, email == null ? "" : email.trim()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Erases every subscriber with this address, under every operator, in one transaction.
     *
     * @return their subscriber numbers; none when no subscriber has the address, and nothing changed
     */
    public List<Long> eraseEveryoneWith(String email, String requestedBy) {
        List<Long> ids = subscribersByEmail(email);
        if (ids.isEmpty()) {
            return ids;
        }
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            names.add((String) em.createNativeQuery("SELECT name FROM subscriber WHERE id = ?1").setParameter(1, id)
                    .getSingleResult());
            eraseOne(id, email.trim());
        }
        String pseudonym = "erased subscriber " + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        // what they did that belongs to none of their own records (or to several) names them all, by number
        run("UPDATE audit_entry SET actor = ?2 WHERE lower(actor) = lower(?1)", email.trim(), pseudonym);
        run("UPDATE cancellation SET actor = ?2 WHERE lower(actor) = lower(?1)", email.trim(), pseudonym);
        run("UPDATE cancellation SET undone_by = ?2 WHERE lower(undone_by) = lower(?1)", email.trim(), pseudonym);
        run("UPDATE withdrawal SET actor = ?2 WHERE lower(actor) = lower(?1)", email.trim(), pseudonym);
        run("UPDATE cancellation_declaration SET contract = 'Erased', name = 'Erased', account_email = 'erased@invalid',"
                + " confirmation_email = 'erased@invalid', reason = CASE WHEN reason IS NULL THEN NULL ELSE 'Erased' END"
                + " WHERE lower(account_email) = lower(?1) OR lower(confirmation_email) = lower(?1)", email.trim());
        run("UPDATE withdrawal_declaration SET contract = 'Erased', name = 'Erased', email = 'erased@invalid'"
                + " WHERE lower(email) = lower(?1)", email.trim());
        forgetThrottles(email);
        TextScrubber scrubber = new TextScrubber(em);
        names.forEach(name -> scrubber.scrub(email.trim(), name));
        endSessions(email.trim());
        ids.forEach(id -> audit.record(requestedBy, Channel.SUPPORT, "PERSONAL_DATA_ERASED", "Subscriber", id, null,
                null, "on the person's request"));
        return ids;
    }

    /** One subscriber's own records: their rows name them by their own number from now on. */
    private void eraseOne(long subscriberId, String email) {
        String pseudonym = "erased subscriber " + subscriberId;
        String theirSubscriptions = "(SELECT id FROM subscription WHERE subscriber_id = ?3)";
        run("UPDATE audit_entry SET actor = ?2 WHERE lower(actor) = lower(?1) AND ((subject_type = 'Subscriber'"
                + " AND subject_id = CAST(?3 AS text)) OR (subject_type = 'Subscription' AND subject_id IN (SELECT id::text FROM"
                + " subscription WHERE subscriber_id = ?3)))", email, pseudonym, subscriberId);
        run("UPDATE cancellation SET actor = ?2 WHERE lower(actor) = lower(?1) AND subscription_id IN "
                + theirSubscriptions, email, pseudonym, subscriberId);
        run("UPDATE cancellation SET undone_by = ?2 WHERE lower(undone_by) = lower(?1) AND subscription_id IN "
                + theirSubscriptions, email, pseudonym, subscriberId);
        run("UPDATE withdrawal SET actor = ?2 WHERE lower(actor) = lower(?1) AND subscription_id IN "
                + theirSubscriptions, email, pseudonym, subscriberId);
        run("DELETE FROM app_user WHERE subscriber_id = ?1 OR lower(username) = lower(?2)", subscriberId, email);
        eraseLinksAndNotes(subscriberId);
        anonymiseAnswers(subscriberId);
        run("UPDATE sent_email SET subscriber_id = NULL WHERE subscriber_id = ?1", subscriberId);
        run("UPDATE withdrawal_declaration SET contract = 'Erased', name = 'Erased', email = 'erased@invalid'"
                + " WHERE subscription_id IN (SELECT id FROM subscription WHERE subscriber_id = ?1)", subscriberId);
        run("UPDATE subscriber SET email = 'erased-' || id || '@invalid', name = 'Erased', external_id = NULL"
                + " WHERE id = ?1", subscriberId);
    }

    private void eraseLinksAndNotes(long subscriberId) {
        run("DELETE FROM support_note WHERE subscriber_id = ?1", subscriberId);
        run("DELETE FROM portal_session WHERE subscriber_id = ?1", subscriberId);
        run("DELETE FROM reminder_link WHERE subscriber_id = ?1", subscriberId);
    }

    private void anonymiseAnswers(long subscriberId) {
        run(SurveyRetention.forgetDeliveries("r.subscriber_id = ?1"), subscriberId);
        run(SurveyRetention.forgetAnswerTimes("r.subscriber_id = ?1"), subscriberId);
        // Their own words may name them, and so may a reply quoting them: both go, the reasons and the facets stay.
        run("DELETE FROM survey_reply WHERE response_id IN (SELECT id FROM survey_response WHERE subscriber_id = ?1)",
                subscriberId);
        // An answer not yet sent to the operator never is: the person asked for their data to go, and an anonymous
        // answer arriving just after an erasure would tell whose it is.
        run("UPDATE survey_response SET subscriber_id = NULL, cancellation_id = NULL, anonymous = TRUE,"
                + " contact_consent = FALSE, edit_key_hash = NULL, editable_until = NULL, announce_after = NULL,"
                + " comment = NULL, fair_outcome = NULL, " + SurveyRetention.ONLY_THE_DAY
                + " WHERE subscriber_id = ?1", subscriberId);
        run("UPDATE survey_invitation SET subscriber_id = NULL WHERE subscriber_id = ?1", subscriberId);
    }

    /** Throttle keys keep only a hash of the address after their prefix ("account:", …): the same hash finds them. */
    private void forgetThrottles(String email) {
        run("DELETE FROM login_throttle WHERE substr(throttle_key, length(throttle_key) - 63) IN (?1, ?2)",
                Sha256.hex(email.trim().toLowerCase(Locale.ROOT)), Sha256.hex(email.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * Sessions live in their own schema (sessions.xml), as serialised objects that Liberty lays out as it likes: a
     * session whose data holds the address holds the person. Absent where the server keeps sessions elsewhere.
     */
    @SuppressWarnings("unchecked")
    private void endSessions(String email) {
        List<String> dataColumns = em.createNativeQuery("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'http_sessions' AND table_name = 'http_sessions' AND data_type = 'bytea'")
                .getResultList();
        if (dataColumns.isEmpty()) {
            return;
        }
        String holdsTheAddress = dataColumns.stream()
                .map(column -> "position(convert_to(?1, 'UTF8') IN coalesce(\"" + column + "\", ''::bytea)) > 0")
                .reduce((a, b) -> a + " OR " + b).orElseThrow();
        run("DELETE FROM " + SESSIONS + " WHERE " + holdsTheAddress, email);
    }

    private void run(String sql, Object... parameters) {
        NativeSql.query(em, sql, parameters).executeUpdate();
    }
}
