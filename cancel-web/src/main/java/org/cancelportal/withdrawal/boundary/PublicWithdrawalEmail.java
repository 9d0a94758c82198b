package org.cancelportal.withdrawal.boundary;

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
import org.cancelportal.publiccancel.control.PublicCancelSettings;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.control.PublicWithdrawals;
import org.cancelportal.withdrawal.entity.WithdrawalDeclaration;

/**
 * The emails of a withdrawal declared on the public page. To the address typed: that it reached us and when, with no
 * word of what was typed and nothing about a match. To the account's own address, only for a certain match: the
 * signed link that carries the withdrawal out, and that nothing happens if they ignore it.
 */
@ApplicationScoped
public class PublicWithdrawalEmail implements OutboxConsumer {

    @Inject
    PublicWithdrawals declarations;

    @Inject
    PublicWithdrawalLinks links;

    @Inject
    PublicCancelSettings publicCancel;

    @Inject
    org.cancelportal.withdrawal.control.WithdrawalSettings settings;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "withdrawal-declaration-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PublicWithdrawals.DECLARED, PublicWithdrawals.CONFIRMATION_REQUESTED);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        WithdrawalDeclaration declaration = declarations.byReference(reference)
                .orElseThrow(() -> new IllegalStateException("No withdrawal declaration " + reference));
        if (declaration.isConfirmationWithheld()) {
            return; // the typed address had its share of our emails (see PublicWithdrawals#declare)
        }
        String messageId = "<" + event.getId() + "." + name() + "@cancelportal>";
        if (PublicWithdrawals.DECLARED.equals(event.getEventType())) {
            acknowledge(declaration, messageId);
        } else {
            askToConfirm(declaration, messageId);
        }
    }

    private void acknowledge(WithdrawalDeclaration declaration, String messageId) throws Exception {
        Locale locale = declaration.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, publicCancel.zone());
        String subject = format(words, "withdraw-contract.mail.received.subject", declaration.getReference());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("withdrawal.reference"), declaration.getReference());
        facts.put(words.getString("withdrawal.received"), formats.dateTime(declaration.getReceivedAt()));
        EmailBody body = new EmailBody().paragraph(words.getString("withdraw-contract.mail.hello"))
                .paragraph(words.getString("withdraw-contract.mail.received.intro"))
                .facts(facts)
                .heading(words.getString("withdrawal.next.heading"))
                .bullets(CommonEmailParts.lines(words.getString("withdraw-contract.received.counts"),
                        words.getString("withdraw-contract.received.check"),
                        words.getString("withdraw-contract.received.link"),
                        words.getString("withdraw-contract.received.none")))
                .link(words.getString("withdraw-contract.mail.received.link"),
                        links.receivedLink(declaration.getReference()));
        common.finish(body, locale);
        mailer.send(new OutgoingEmail(messageId, "WITHDRAWAL_DECLARED", null, declaration.getEmail(), locale,
                subject, body.text(), body.html(locale.getLanguage(), subject)));
    }

    private void askToConfirm(WithdrawalDeclaration declaration, String messageId) throws Exception {
        Subscription subscription = declaration.getSubscription();
        Subscriber subscriber = subscription.getSubscriber();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, subscriber.getTimeZone());
        String plan = subscription.getPlan().getName();
        String subject = format(words, "withdraw-contract.mail.confirm.subject", plan);
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(format(words, "withdraw-contract.mail.confirm.intro", plan,
                        formats.dateTime(declaration.getReceivedAt())))
                .paragraph(format(words, "withdraw-contract.mail.confirm.how", settings.confirmLinkValidity().toDays()))
                .link(words.getString("withdraw.button"), links.confirmLink(declaration))
                .paragraph(words.getString("withdraw-contract.mail.confirm.not-you"));
        common.finish(body, locale);
        mailer.send(new OutgoingEmail(messageId, "WITHDRAWAL_TO_CONFIRM", subscriber.getId(), subscriber.getEmail(),
                locale, subject, body.text(), body.html(locale.getLanguage(), subject)));
    }
}
