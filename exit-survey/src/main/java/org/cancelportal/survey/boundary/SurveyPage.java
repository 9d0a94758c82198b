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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.schema.control.NativeSql;
import org.cancelportal.survey.control.SurveyLinks;
import org.cancelportal.survey.control.SurveySettings;
import org.cancelportal.survey.entity.SurveyInvitation;
import org.cancelportal.survey.entity.SurveyResponse;

/**
 * The survey behind the invitation link. No login: the link is the key. Every question is optional; one answer per
 * invitation, which the same link may change for 24 hours.
 */
@Named("survey")
@ViewScoped
public class SurveyPage implements Serializable {

    public enum State { OPEN, EDIT, THANKS, ALREADY_ANSWERED, LINK_NOT_WORKING }

    static final Duration EDIT_WINDOW = Duration.ofHours(24);
    static final int MAX_TEXT = 4000;

    @PersistenceContext
    transient EntityManager em;

    @Inject
    SurveyLinks links;

    @Inject
    SurveySettings settings;

    @Inject
    Clock clock;

    private String token;
    private Long invitationId;
    private Long responseId;
    private State state = State.LINK_NOT_WORKING;
    private String email;
    private String language = "en";

    private String reasonCode;
    private String comment;
    private String fairOutcome;
    private boolean contactConsent;
    private boolean anonymous;

    @Transactional
    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        token = (String) faces.getExternalContext().getRequestMap().get(SurveyLinkFilter.TOKEN);
        Instant now = clock.instant();
        Optional<SurveyInvitation> invitation = links.secretHash(SurveyLinks.ANSWER, token)
                .flatMap(hash -> em.createQuery("select i from SurveyInvitation i where i.tokenHash = :hash"
                                + " or i.reminderTokenHash = :hash", SurveyInvitation.class).setParameter("hash", hash).getResultStream().findFirst());
        if (invitation.isEmpty()) {
            return;
        }
        invitationId = invitation.get().getId();
        Subscriber subscriber = invitation.get().getSubscriberId() == null ? null
                : em.find(Subscriber.class, invitation.get().getSubscriberId());
        if (subscriber != null) {
            email = subscriber.getEmail();
            language = subscriber.getLocale().getLanguage();
            faces.getViewRoot().setLocale(subscriber.getLocale());
        }
        Optional<SurveyResponse> earlier = response();
        if (earlier.isPresent()) {
            SurveyResponse answer = earlier.get();
            responseId = answer.getId();
            if (answer.isEditable(now)) {
                state = State.EDIT;
                reasonCode = answer.getReasonCode();
                comment = answer.getComment();
                fairOutcome = answer.getFairOutcome();
                contactConsent = answer.isContactConsent();
                anonymous = answer.isAnonymous();
            } else {
                state = State.ALREADY_ANSWERED;
            }
        } else if (invitation.get().getRespondedAt() != null) {
            state = State.ALREADY_ANSWERED;
        } else {
            state = invitation.get().isExpired(now) ? State.LINK_NOT_WORKING : State.OPEN;
        }
    }

    @Transactional
    public void submit() {
        if (state != State.OPEN && state != State.EDIT) {
            return;
        }
        Instant now = clock.instant();
        SurveyInvitation invitation = em.find(SurveyInvitation.class, invitationId);
        SurveyResponse answer = responseId == null ? newResponse(invitation, now)
                : em.find(SurveyResponse.class, responseId);
        String reason = settings.reasons().contains(reasonCode) ? reasonCode : null;
        answer.answer(reason, trimmed(comment), trimmed(fairOutcome), contactConsent, anonymous, now);
        invitation.responded(now);
        responseId = answer.getId();
        state = State.THANKS;
    }

    private SurveyResponse newResponse(SurveyInvitation invitation, Instant now) {
        Cancellation cancellation = em.find(Cancellation.class, invitation.getCancellationId());
        Subscription subscription = cancellation.getSubscription();
        var snapshot = new SurveyResponse.Snapshot(invitation.getSubscriberId(), cancellation.getId(),
                subscription.getPlan().getCode(), subscription.getPlan().getBillingPeriod().name(),
                tenureBand(subscription.getStartedAt(), cancellation.getRequestedAt()),
                cancellation.getChannel().name(), language,
                cancellation.getRequestedAt().atOffset(ZoneOffset.UTC).toString().substring(0, 7));
        SurveyResponse answer = new SurveyResponse(snapshot, SurveyLinks.editKeyHash(token), now, now.plus(EDIT_WINDOW));
        em.persist(answer);
        em.flush();
        return answer;
    }

    /** From the database's tenure_band(), the one definition the insights figures count by too. */
    private String tenureBand(Instant started, Instant cancelled) {
        return (String) NativeSql.query(em, "SELECT tenure_band(?1, ?2)", Timestamp.from(started),
                Timestamp.from(cancelled)).getSingleResult();
    }

    private Optional<SurveyResponse> response() {
        return em.createQuery("select r from SurveyResponse r where r.editKeyHash = :hash", SurveyResponse.class)
                .setParameter("hash", SurveyLinks.editKeyHash(token)).getResultStream().findFirst();
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    public record Reason(String code, String label) implements Serializable {
    }

    public List<Reason> getReasons() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        ResourceBundle words = ResourceBundle.getBundle(InvitationEmail.BUNDLE, locale);
        return settings.reasons().stream()
                .map(code -> new Reason(code, words.containsKey("reason." + code) ? words.getString("reason." + code)
                        : code.replace('_', ' ')))
                .toList();
    }

    /** The language of the invitation email, which is the person's own; null until the link is known. */
    public Locale getLocale() {
        return invitationId == null ? null : Locale.forLanguageTag(language);
    }

    public State getState() {
        return state;
    }

    public String getEmail() {
        return email;
    }

    public int getMaxText() {
        return MAX_TEXT;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getFairOutcome() {
        return fairOutcome;
    }

    public void setFairOutcome(String fairOutcome) {
        this.fairOutcome = fairOutcome;
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    public void setContactConsent(boolean contactConsent) {
        this.contactConsent = contactConsent;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }
}
