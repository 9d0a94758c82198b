package org.cancelportal.publiccancel.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.publiccancel.control.DeclarationEvents;
import org.cancelportal.publiccancel.control.PublicCancellations;
import org.cancelportal.publiccancel.entity.CancellationDeclaration;
import org.cancelportal.web.PageMessages;

/**
 * The confirmation of a declaration on a durable medium, to the address the sender gave: its content, when it reached
 * us and the end they asked for, as on the confirmation page. It reads the same whether or not the declaration
 * matched a subscription; the facts of a cancellation go only to the account's own address, in the usual receipt.
 * Anyone can type any address, so unless it is the account's own the email quotes nothing typed into the form (no
 * reason, name or contract, not even in the greeting): the portal never carries a stranger's words to a third party.
 * None goes out when the address had its share of these emails within the window; the page said so.
 */
@ApplicationScoped
public class DeclarationEmail implements OutboxConsumer {

    @Inject
    PublicCancellations declarations;

    @Inject
    DeclarationFacts facts;

    @Inject
    DeclarationLinks links;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "declaration-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DeclarationEvents.DECLARED);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        CancellationDeclaration declaration = declarations.byReference(reference)
                .orElseThrow(() -> new IllegalStateException("No declaration " + reference));
        if (declaration.isConfirmationWithheld()) {
            return;
        }
        Locale locale = declaration.declared().locale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        String subject = format(words, "public-cancel.mail.subject", reference);
        boolean quoting = declarations.confirmationGoesToTheAccount(declaration);
        Map<String, String> rows = new LinkedHashMap<>();
        (quoting ? facts.of(declaration, locale) : facts.withoutTypedText(declaration, locale))
                .forEach(fact -> rows.put(fact.label(), fact.value()));
        EmailBody body = quoting ? common.start(locale, declaration.declared().name())
                : new EmailBody().paragraph(words.getString("public-cancel.mail.greeting"));
        body.paragraph(format(words, "public-cancel.mail.intro", facts.receivedAt(declaration, locale)))
                .facts(rows);
        if (!quoting) {
            body.paragraph(words.getString("public-cancel.mail.not-quoted"));
        }
        body.heading(words.getString("public-cancel.next.heading"))
                .bullets(facts.nextSteps(declaration, locale))
                .link(words.getString("public-cancel.mail.link"), links.confirmationUrl(reference));
        common.finish(body, locale, "mail.why.declaration");
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>", "DECLARATION_CONFIRMATION",
                null, declaration.declared().confirmationEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
