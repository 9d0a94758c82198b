package org.cancelportal.survey.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.cancelportal.survey.control.SurveyLinks;

/**
 * "Don't ask me again": the link opens this page and one button confirms (a link alone must not act, or a mail
 * scanner following it would decide for the person). Saying it twice changes nothing and says the same.
 */
@Named("optOut")
@ViewScoped
public class OptOutPage implements Serializable {

    @PersistenceContext
    transient EntityManager em;

    @Inject
    SurveyLinks links;

    @Inject
    Clock clock;

    private Long subscriberId;
    private boolean linkWorks;
    private boolean done;

    @Transactional
    public void load() {
        String token = (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(SurveyLinkFilter.TOKEN);
        Optional<Number> subscriber = links.secretHash(SurveyLinks.OPT_OUT, token)
                .flatMap(hash -> em.createNativeQuery("SELECT subscriber_id FROM survey_invitation"
                                + " WHERE (opt_out_hash = ?1 OR reminder_opt_out_hash = ?1) AND subscriber_id IS NOT NULL")
                        .setParameter(1, hash).getResultStream().findFirst().map(Number.class::cast));
        linkWorks = subscriber.isPresent();
        subscriberId = subscriber.map(Number::longValue).orElse(null);
        done = linkWorks && !em.createNativeQuery("SELECT 1 FROM survey_opt_out WHERE subscriber_id = ?1")
                .setParameter(1, subscriberId).getResultList().isEmpty();
    }

    @Transactional
    public void confirm() {
        if (!linkWorks) {
            return;
        }
        em.createNativeQuery("INSERT INTO survey_opt_out (subscriber_id, opted_out_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (subscriber_id) DO NOTHING")
                .setParameter(1, subscriberId).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        done = true;
    }

    public boolean isLinkWorks() {
        return linkWorks;
    }

    public boolean isDone() {
        return done;
    }
}
