package org.cancelportal.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Date;
import java.util.logging.Logger;
import org.cancelportal.metrics.control.DeliveryFailureMeters;

/**
 * Sends each email once per Message-ID: SMTP through the server's mail session, or (mail.delivery=folder, for
 * development without a mail server) as .eml files in mail.folder. Runs in the consumer's transaction; the sent_email
 * row commits with the consumer's other work, so a redelivered event finds its email already sent.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource(lookup = "mail/cancelportal")
    Session session;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailSettings settings;

    @Inject
    DeliveryFailureMeters failures;

    /** @return false when an email with this Message-ID was sent before (nothing is sent again) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean send(OutgoingEmail email) throws MessagingException, IOException {
        boolean sentBefore = !em.createNativeQuery("SELECT 1 FROM sent_email WHERE message_id = ?1")
                .setParameter(1, email.messageId()).getResultList().isEmpty();
        if (sentBefore) {
            return false;
        }
        try {
            MimeMessage message = compose(email);
            if (settings.toFolder()) {
                writeToFolder(email, message);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            failures.emailFailed(email.kind());
            throw e;
        }
        // an email to someone without an account has no subscriber, and EclipseLink binds a null as text
        em.createNativeQuery("INSERT INTO sent_email (message_id, kind, subscriber_id, sent_at)"
                        + " VALUES (?1, ?2, CAST(?3 AS BIGINT), ?4)")
                .setParameter(1, email.messageId())
                .setParameter(2, email.kind())
                .setParameter(3, email.subscriberId())
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        return true;
    }

    MimeMessage compose(OutgoingEmail email) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, email.messageId());
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to()));
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", email.locale().toLanguageTag());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private void writeToFolder(OutgoingEmail email, MimeMessage message) throws IOException, MessagingException {
        Path directory = Path.of(settings.folder());
        Files.createDirectories(directory);
        Path file = directory.resolve(clock.instant().toEpochMilli() + "-" + email.kind() + "-"
                + email.messageId().replaceAll("[^A-Za-z0-9.-]", "_") + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        // the file, not the log, names the recipient
        LOG.info(() -> "Email " + email.messageId() + " (" + email.kind() + ") written to " + file.toAbsolutePath());
    }

    /** Keeps the Message-ID we chose instead of the random one Jakarta Mail would set. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
