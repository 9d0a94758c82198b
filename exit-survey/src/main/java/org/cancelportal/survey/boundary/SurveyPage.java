package org.cancelportal.survey.boundary;

import org.cancelportal.survey.control.SurveyAnswers;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
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

    public enum State { OPEN, EDIT, THANKS, ALREADY_ANSWERED, TOO_LATE_TO_CHANGE, LINK_NOT_WORKING }

    @Inject
    SurveyAnswers answers;

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

    public void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        token = (String) faces.getExternalContext().getRequestMap().get(SurveyLinkFilter.TOKEN);
        Optional<SurveyAnswers.Opened> opened = answers.open(token);
        if (opened.isEmpty()) {
            return;
        }
        SurveyInvitation invitation = opened.get().invitation();
        invitationId = invitation.getId();
        opened.get().subscriber().ifPresent(subscriber -> {
            email = subscriber.getEmail();
            language = subscriber.getLocale().getLanguage();
            faces.getViewRoot().setLocale(subscriber.getLocale());
        });
        Instant now = clock.instant();
        Optional<SurveyResponse> earlier = opened.get().earlier();
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
        } else if (invitation.isAnswered()) {
            state = State.ALREADY_ANSWERED;
        } else {
            state = invitation.isExpired(now) ? State.LINK_NOT_WORKING : State.OPEN;
        }
    }

    public void submit() {
        if (state != State.OPEN && state != State.EDIT) {
            return;
        }
        Optional<Long> saved = answers.answer(invitationId, responseId, token, language,
                new SurveyAnswers.Answer(reasonCode, comment, fairOutcome, contactConsent, anonymous));
        saved.ifPresent(id -> responseId = id);
        state = saved.isPresent() ? State.THANKS : State.TOO_LATE_TO_CHANGE;
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
        return SurveyAnswers.MAX_TEXT;
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
