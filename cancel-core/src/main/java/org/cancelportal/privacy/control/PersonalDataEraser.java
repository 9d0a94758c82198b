package org.cancelportal.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.cancelportal.audit.control.AuditTrail;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.schema.control.NativeSql;

/**
 * Erases one person's personal data across both modules, on their request: name, email and login go; their
 * subscriptions and cancellations stay as anonymised records (the business still has to account for them), and their
 * survey answers become anonymous (keeping their operator, which names no one), are not sent to the operator's webhooks
 * if they have not been yet, and the deliveries that named them go. Cancellations they declared on the public form keep only their times and outcome. Audit entries and cancellations name them only by their subscriber number.
 */
@ApplicationScoped
@Transactional
public class PersonalDataEraser {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public Optional<Long> subscriberByEmail(String email) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM subscriber WHERE lower(email) = lower(?1)")
                .setParameter(1, email == null ? "" : email.trim()).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    public void erase(long subscriberId, String requestedBy) {
        String email = (String) em.createNativeQuery("SELECT email FROM subscriber WHERE id = ?1")
                .setParameter(1, subscriberId).getSingleResult();
        String pseudonym = "erased subscriber " + subscriberId;
        run("UPDATE audit_entry SET actor = ?2 WHERE lower(actor) = lower(?1)", email, pseudonym);
        run("UPDATE cancellation SET actor = ?2 WHERE lower(actor) = lower(?1)", email, pseudonym);
        run("UPDATE cancellation SET undone_by = ?2 WHERE lower(undone_by) = lower(?1)", email, pseudonym);
        run("UPDATE withdrawal SET actor = ?2 WHERE lower(actor) = lower(?1)", email, pseudonym);
        run("DELETE FROM app_user WHERE subscriber_id = ?1 OR lower(username) = lower(?2)", subscriberId, email);
        run(SurveyRetention.forgetDeliveries("r.subscriber_id = ?1"), subscriberId);
        // An answer not yet sent to the operator never is: the person asked for their data to go, its words may name
        // them, and an anonymous answer arriving just after an erasure would tell whose it is.
        run(SurveyRetention.forgetAnswerTimes("r.subscriber_id = ?1"), subscriberId);
        run("UPDATE survey_response SET subscriber_id = NULL, cancellation_id = NULL, anonymous = TRUE,"
                + " contact_consent = FALSE, edit_key_hash = NULL, editable_until = NULL, announce_after = NULL, "
                + SurveyRetention.ONLY_THE_DAY + " WHERE subscriber_id = ?1", subscriberId);
        run("UPDATE survey_invitation SET subscriber_id = NULL WHERE subscriber_id = ?1", subscriberId);
        run("UPDATE sent_email SET subscriber_id = NULL WHERE subscriber_id = ?1", subscriberId);
        run("UPDATE cancellation_declaration SET contract = 'Erased', name = 'Erased', account_email = 'erased@invalid',"
                + " confirmation_email = 'erased@invalid', reason = CASE WHEN reason IS NULL THEN NULL ELSE 'Erased' END"
                + " WHERE lower(account_email) = lower(?1) OR lower(confirmation_email) = lower(?1)", email);
        run("UPDATE withdrawal_declaration SET contract = 'Erased', name = 'Erased', email = 'erased@invalid'"
                + " WHERE lower(email) = lower(?1) OR subscription_id IN (SELECT id FROM subscription"
                + " WHERE subscriber_id = ?2)", email, subscriberId);
        run("UPDATE subscriber SET email = 'erased-' || id || '@invalid', name = 'Erased', external_id = NULL"
                + " WHERE id = ?1", subscriberId);
        audit.record(requestedBy, Channel.SUPPORT, "PERSONAL_DATA_ERASED", "Subscriber", subscriberId, null, null,
                "on the person's request");
    }

    private void run(String sql, Object... parameters) {
        NativeSql.query(em, sql, parameters).executeUpdate();
    }
}
