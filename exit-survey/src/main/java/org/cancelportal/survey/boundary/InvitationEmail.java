package org.cancelportal.survey.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.survey.control.Invitations;
import org.cancelportal.survey.control.SurveySettings;
import org.cancelportal.survey.entity.SurveyInvitation;
import org.cancelportal.text.LocalizedFormat;

/**
 * The invitation: short, no guilt, no offer; the question, how long it takes, the link, and a way to say no more.
 * Sent through the outbox a while after the cancellation (survey.invitation-delay), so a failed send is tried again
 * with backoff, shows on the admin page once the relay gives up, and never holds up anyone else's invitation.
 */
@ApplicationScoped
public class InvitationEmail implements OutboxConsumer {

    public static final String BUNDLE = "org.cancelportal.survey.i18n.messages";

    @Inject
    Invitations invitations;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Inject
    SurveySettings settings;

    @Inject
    LinkSettings links;

    @Override
    public String name() {
        return "survey-invitation";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CancellationEvents.CANCELLED);
    }

    @Override
    public Duration delay() {
        return settings.invitationDelay();
    }

    @Override
    public void handle(OutboxEvent cancelled) throws Exception {
        Optional<Invitations.ToSend> invitation = invitations.invite(cancelled);
        if (invitation.isPresent()) {
            send(invitation.get(), false);
        }
    }

    /** The invitation, or the same email once more saying so, and that no other reminder follows. */
    void send(Invitations.ToSend toSend, boolean reminder) throws Exception {
        SurveyInvitation invitation = toSend.invitation();
        Subscriber subscriber = toSend.subscriber();
        String answerToken = toSend.answerToken();
        String optOutToken = toSend.optOutToken();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale);
        String until = new LocalizedFormat(locale, subscriber.getTimeZone()).date(invitation.getExpiresAt());
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(words.getString("mail.thanks"))
                .paragraph(words.getString("mail.question"))
                .link(words.getString("mail.answer"), links.surveyBaseUrl() + "/r/" + answerToken)
                .paragraph(format(words, "mail.until", until) + (reminder ? " " + words.getString("mail.reminder.only")
                        : ""))
                .paragraph(words.getString("mail.opt-out.text"))
                .link(words.getString("mail.opt-out"), links.surveyBaseUrl() + "/opt-out/" + optOutToken);
        common.finish(body, locale);
        String subject = words.getString(reminder ? "mail.reminder.subject" : "mail.subject");
        String kind = reminder ? "survey-reminder" : "survey-invitation";
        mailer.send(new OutgoingEmail("<" + invitation.getEventId() + "." + kind + "@cancelportal>",
                reminder ? "SURVEY_REMINDER" : "SURVEY_INVITATION", subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
