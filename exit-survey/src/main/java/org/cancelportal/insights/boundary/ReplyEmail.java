package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.cancelportal.insights.control.Replies;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.survey.boundary.InvitationEmail;

/**
 * Sends a product person's reply to the person who wrote the answer, quoting what they wrote. If the person has since
 * been made anonymous or erased, nothing is sent: their consent ended with their name.
 */
@ApplicationScoped
public class ReplyEmail implements OutboxConsumer {

    private static final Logger LOG = Logger.getLogger(ReplyEmail.class.getName());

    @Inject
    Replies replies;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "survey-reply-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(Replies.WRITTEN);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        long replyId = event.payloadObject().getJsonNumber("replyId").longValue();
        Optional<Replies.Deliverable> deliverable = replies.deliverable(replyId);
        if (deliverable.isEmpty()) {
            LOG.info(() -> "Reply " + replyId + " not sent: the person can no longer be contacted");
            return;
        }
        Replies.Deliverable reply = deliverable.get();
        send(replyId, reply.to(), reply.comment(), reply.fairOutcome(), reply.reply());
        replies.markSent(replyId);
    }

    private void send(long replyId, Subscriber subscriber, String comment, String fairOutcome, String reply)
            throws Exception {
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(InvitationEmail.BUNDLE, locale);
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(words.getString("mail.reply.intro"))
                .paragraph(reply);
        if (comment != null || fairOutcome != null) {
            body.heading(words.getString("mail.reply.you-wrote"));
            if (comment != null) {
                body.paragraph(comment);
            }
            if (fairOutcome != null) {
                body.paragraph(fairOutcome);
            }
        }
        body.paragraph(words.getString("mail.reply.no-obligation"));
        common.finish(body, locale);
        String subject = words.getString("mail.reply.subject");
        mailer.send(new OutgoingEmail("<reply-" + replyId + ".survey-reply@cancelportal>", "SURVEY_REPLY",
                subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
