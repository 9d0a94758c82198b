package org.cancelportal.cancellation.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.cancellation.control.Cancellations;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.refund.control.RefundEvents;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.refund.entity.Refund;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;
import org.cancelportal.withdrawal.boundary.WithdrawalLinks;
import org.cancelportal.withdrawal.control.Withdrawals;

/**
 * A short email each time the word on a refund changes: paid, failed, or late; for a cancellation's refund or a
 * withdrawal's, linking to its receipt or confirmation. An email whose word has been overtaken
 * before it left (late, then paid a minute later) is not sent: the subscriber gets only news that is still true.
 */
@ApplicationScoped
public class RefundEmail implements OutboxConsumer {

    @Inject
    Cancellations cancellations;

    @Inject
    Refunds refunds;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Inject
    ReceiptLinks receiptLinks;

    @Inject
    Withdrawals withdrawals;

    @Inject
    WithdrawalLinks withdrawalLinks;

    @Override
    public String name() {
        return "refund-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(RefundEvents.PAID, RefundEvents.FAILED, RefundEvents.OVERDUE);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        boolean withdrawal = Refund.Kind.WITHDRAWAL.name().equals(event.payloadObject().getString("kind",
                Refund.Kind.CANCELLATION.name()));
        Refund refund = (withdrawal
                ? withdrawals.byReference(reference).flatMap(refunds::of)
                : cancellations.byReference(reference).flatMap(refunds::of))
                .orElseThrow(() -> new IllegalStateException("No refund " + reference));
        String state = event.payloadObject().getString("status");
        if (!state.equals(refund.getStatus().name())) {
            return; // the word has changed again since; the email of that later event tells the truth
        }
        Subscriber subscriber = refund.getSubscription().getSubscriber();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, subscriber.getTimeZone());
        RefundWording wording = RefundWording.of(refund.getAmount(), java.util.Optional.of(refund), words, formats);
        String plan = refund.getSubscription().getPlan().getName();
        String subject = format(words, "mail.refund.subject." + state, formats.money(refund.getAmount()), reference);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("receipt.reference"), reference);
        facts.put(words.getString("receipt.subscription"), plan);
        facts.put(words.getString("receipt.refund"), wording.summary());
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(format(words, withdrawal ? "mail.refund.intro.withdrawal" : "mail.refund.intro", plan,
                        reference))
                .paragraph(wording.nextStep())
                .facts(facts);
        body.link(words.getString(withdrawal ? "withdrawal.mail.link" : "mail.receipt.link"),
                withdrawal ? withdrawalLinks.link(reference) : receiptLinks.link(reference));
        common.finish(body, locale);
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>", "REFUND_" + state,
                subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
