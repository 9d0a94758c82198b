package org.cancelportal.publiccancel.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.publiccancel.control.DeclarationConfirmations;
import org.cancelportal.publiccancel.control.DeclarationEvents;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;

/**
 * Asks the owner of a subscription, at the account's own address and in their language, to confirm a cancellation
 * declared on the public form that would end their access now or for good. It quotes nothing the sender typed: it
 * names the plan, when the declaration reached us, what confirming does, and until when the link works. Someone who
 * declared nothing can ignore it, and nothing changes.
 */
@ApplicationScoped
public class DeclarationConfirmEmail implements OutboxConsumer {

    @Inject
    DeclarationConfirmations confirmations;

    @Inject
    DeclarationLinks links;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "declaration-confirm-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DeclarationEvents.AWAITS_CONFIRMATION);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        DeclarationConfirmations.Confirmation confirmation = confirmations.look(reference)
                .orElseThrow(() -> new IllegalStateException("No declaration " + reference + " to confirm"));
        CancellationDeclaration declaration = confirmation.declaration();
        Subscriber owner = confirmation.subscription().getSubscriber();
        Locale locale = owner.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, owner.getTimeZone());
        String plan = confirmation.subscription().getPlan().getName();
        boolean now = declaration.getConfirmMode() == CancellationMode.IMMEDIATE;
        String until = formats.dateTime(declaration.getConfirmUntil());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("public-cancel.fact.reference"), reference);
        facts.put(words.getString("public-cancel.fact.received"), formats.dateTime(declaration.getReceivedAt()));
        facts.put(words.getString("public-cancel.confirm.fact.plan"), plan);
        facts.put(words.getString("public-cancel.confirm.fact.ends"),
                words.getString(now ? "public-cancel.confirm.ends.now" : "public-cancel.confirm.ends.period"));
        EmailBody body = common.start(locale, owner.getName())
                .paragraph(format(words, "public-cancel.confirm-mail.intro", plan))
                .facts(facts)
                .paragraph(words.getString(now ? "public-cancel.confirm-mail.why.now"
                        : "public-cancel.confirm-mail.why.final"))
                .link(words.getString("public-cancel.confirm-mail.link"), links.confirmUrl(declaration))
                .paragraph(format(words, "public-cancel.confirm-mail.until", until))
                .paragraph(words.getString("public-cancel.confirm-mail.not-you"));
        common.finish(body, locale);
        String subject = format(words, "public-cancel.confirm-mail.subject", plan);
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>",
                "DECLARATION_CONFIRMATION_LINK", owner.getId(), owner.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
