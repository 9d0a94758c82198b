package org.cancelportal.it.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers the survey behind an invitation link as a browser without JavaScript does (see {@link FormClient}). */
public final class SurveyForm {

    /** What a person answers; comment and fair outcome may be null. */
    public record Answer(String reason, String comment, String fairOutcome, boolean contact, boolean anonymous) {
    }

    private static final Pattern ANSWER_LINK =
            Pattern.compile(Pattern.quote(TestServer.ORIGIN) + "/exit-survey/r/\\S+");
    private static final String INVITATION = "Would you tell us why you left?";

    private SurveyForm() {
    }

    /** The answer link of the one English invitation that reached the address (the receipt comes to it too). */
    public static String invitationLink(GreenMailExtension mailbox, String address) {
        TestServer.eventually("the survey invitation to " + address)
                .until(() -> invitationsTo(mailbox, address).size() == 1);
        try {
            Matcher link = ANSWER_LINK.matcher((String) ((MimeMultipart) invitationsTo(mailbox, address).get(0)
                    .getContent()).getBodyPart(0).getContent());
            if (!link.find()) {
                throw new AssertionError("no answer link in the invitation to " + address);
            }
            return link.group();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> invitationsTo(GreenMailExtension mailbox, String address) {
        return Arrays.stream(mailbox.getReceivedMessagesForDomain(address)).filter(message -> {
            try {
                return INVITATION.equals(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** @return the page that answers the sending */
    public static String answer(String link, Answer answer) {
        return open(link).send(answer);
    }

    /** Opens the form as a person does, to send it later: its view stays in this visitor's session. */
    public static Opened open(String link) {
        FormClient.Page page = FormClient.direct().get(link);
        if (page.status() != 200) {
            throw new AssertionError(link + " answered " + page.status() + ": " + page.body());
        }
        return new Opened(page);
    }

    /** A survey page on the screen, not sent yet. */
    public record Opened(FormClient.Page page) {

        public String form() {
            return page.form("survey");
        }

        /** @return the page that answers the sending */
        public String send(Answer answer) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("survey:reason", answer.reason());
            fields.put("survey:comment", answer.comment() == null ? "" : answer.comment());
            fields.put("survey:fair", answer.fairOutcome() == null ? "" : answer.fairOutcome());
            if (answer.contact()) {
                fields.put("survey:contact", "true");
            }
            if (answer.anonymous()) {
                fields.put("survey:anonymous", "true");
            }
            FormClient.Page answered = page.submit("survey", fields, "survey:send");
            if (answered.status() != 200) {
                throw new AssertionError("sending the survey answered " + answered.status() + ": " + answered.body());
            }
            return answered.body();
        }
    }
}
