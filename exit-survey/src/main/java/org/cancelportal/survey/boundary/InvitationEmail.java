package org.cancelportal.survey.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.survey.control.SurveySettings;
import org.cancelportal.survey.entity.SurveyInvitation;
import org.cancelportal.text.LocalizedFormat;

/** The invitation: short, no guilt, no offer; the question, how long it takes, the link, and a way to say no more. */
@ApplicationScoped
public class InvitationEmail {

    public static final String BUNDLE = "org.cancelportal.survey.i18n.messages";

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Inject
    SurveySettings settings;

    public void send(SurveyInvitation invitation, String answerToken, String optOutToken) throws Exception {
        send(invitation, answerToken, optOutToken, false);
    }

    /** The same email once more, saying so, and that no other reminder follows. */
    public void sendReminder(SurveyInvitation invitation, String answerToken, String optOutToken) throws Exception {
        send(invitation, answerToken, optOutToken, true);
    }

    private void send(SurveyInvitation invitation, String answerToken, String optOutToken, boolean reminder)
            throws Exception {
        Subscriber subscriber = em.find(Subscriber.class, invitation.getSubscriberId());
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale);
        String until = new LocalizedFormat(locale, subscriber.getTimeZone()).date(invitation.getExpiresAt());
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(words.getString("mail.thanks"))
                .paragraph(words.getString("mail.question"))
                .link(words.getString("mail.answer"), settings.baseUrl() + "/r/" + answerToken)
                .paragraph(format(words, "mail.until", until) + (reminder ? " " + words.getString("mail.reminder.only")
                        : ""))
                .paragraph(words.getString("mail.opt-out.text"))
                .link(words.getString("mail.opt-out"), settings.baseUrl() + "/opt-out/" + optOutToken);
        common.finish(body, locale);
        String subject = words.getString(reminder ? "mail.reminder.subject" : "mail.subject");
        String kind = reminder ? "survey-reminder" : "survey-invitation";
        mailer.send(new OutgoingEmail("<" + invitation.getEventId() + "." + kind + "@cancelportal>",
                reminder ? "SURVEY_REMINDER" : "SURVEY_INVITATION", subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
