package org.cancelportal.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the emails the portal sent to the test mailbox: who got which, what they say, the links in them. */
public final class Emails {

    private Emails() {
    }

    /** The emails to this address whose subject contains the given words. */
    public static List<MimeMessage> to(GreenMailExtension mailbox, String address, String subjectPart) {
        return Arrays.stream(mailbox.getReceivedMessagesForDomain(address))
                .filter(message -> subject(message).contains(subjectPart)).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text part, the first of each email the portal sends. */
    public static String textOf(MimeMessage email) throws MessagingException, IOException {
        return (String) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
    }

    /** The first link the pattern's group 1 finds in the text; fails if there is none. */
    public static String link(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "a link in: " + text);
        return matcher.group(1);
    }
}
