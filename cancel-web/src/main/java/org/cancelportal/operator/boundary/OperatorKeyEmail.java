package org.cancelportal.operator.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.operator.control.OperatorAccount;
import org.cancelportal.operator.control.OperatorKeys;
import org.cancelportal.operator.control.Operators;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.web.PageMessages;

/**
 * Tells the operator's contact address of every rotation and revocation of its API keys, so that one made by someone
 * else does not go unnoticed. In English: operators are companies, and their contact has no language on record.
 */
@ApplicationScoped
public class OperatorKeyEmail implements OutboxConsumer {

    private static final Locale LANGUAGE = Locale.ENGLISH;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", LANGUAGE)
            .withZone(ZoneOffset.UTC);

    @Inject
    Operators operators;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "operator-key-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(OperatorKeys.KEY_ROTATED, OperatorKeys.KEY_REVOKED);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        JsonObject payload = event.payloadObject();
        long operatorId = payload.getJsonNumber("operatorId").longValue();
        Optional<String> contact = operators.contactEmail(operatorId);
        if (contact.isEmpty()) {
            return;
        }
        OperatorAccount operator = operators.byId(operatorId).orElseThrow();
        boolean rotated = OperatorKeys.KEY_ROTATED.equals(event.getEventType());
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, LANGUAGE);
        String at = WHEN.format(Instant.parse(payload.getString("at")));
        String subject = format(words, rotated ? "operator-key.mail.subject.rotated" : "operator-key.mail.subject.revoked",
                operator.name());
        EmailBody body = new EmailBody().paragraph(format(words, "operator-key.mail.greeting", operator.name()))
                .paragraph(rotated ? format(words, "operator-key.mail.rotated", operator.name(), at,
                        WHEN.format(Instant.parse(payload.getString("previousKeyValidUntil"))))
                        : format(words, "operator-key.mail.revoked", operator.name(), at))
                .paragraph(words.getString("operator-key.mail.unexpected"));
        common.finish(body, LANGUAGE, "mail.why.operator-key");
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>", "OPERATOR_API_KEY",
                null, contact.get(), LANGUAGE, subject, body.text(), body.html(LANGUAGE.getLanguage(), subject)));
    }
}
