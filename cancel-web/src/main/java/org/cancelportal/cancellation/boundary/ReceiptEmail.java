package org.cancelportal.cancellation.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;
import static org.cancelportal.mail.control.CommonEmailParts.lines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.cancellation.control.CancellationPolicy;
import org.cancelportal.cancellation.control.Cancellations;
import org.cancelportal.cancellation.entity.Cancellation;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;

/**
 * The confirmation on a durable medium: after a cancellation or an undo, the subscriber gets an email with the same
 * facts as the receipt page and a signed link to it, in their language.
 */
@ApplicationScoped
public class ReceiptEmail implements OutboxConsumer {

    @Inject
    Cancellations cancellations;

    @Inject
    CancellationPolicy policy;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Inject
    ReceiptLinks receiptLinks;

    @Inject
    Refunds refunds;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "receipt-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CancellationEvents.CANCELLED, CancellationEvents.UNDONE);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        Cancellation cancellation = cancellations.byReference(reference)
                .orElseThrow(() -> new IllegalStateException("No cancellation " + reference));
        Subscriber subscriber = cancellation.getSubscription().getSubscriber();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, subscriber.getTimeZone());
        boolean undone = CancellationEvents.UNDONE.equals(event.getEventType());
        String plan = cancellation.getSubscription().getPlan().getName();
        String subject = undone ? format(words, "mail.undone.subject", plan, reference)
                : format(words, "mail.receipt.subject", plan, reference);
        EmailBody body = common.start(locale, subscriber.getName());
        if (undone) {
            undone(body, words, formats, cancellation);
        } else {
            confirmed(body, words, formats, cancellation);
        }
        body.link(words.getString("mail.receipt.link"), receiptLinks.link(reference));
        common.finish(body, locale);
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>",
                undone ? "UNDO_CONFIRMATION" : "CANCELLATION_RECEIPT", subscriber.getId(), subscriber.getEmail(),
                locale, subject, body.text(), body.html(locale.getLanguage(), subject)));
    }

    private void confirmed(EmailBody body, ResourceBundle words, LocalizedFormat formats, Cancellation c) {
        boolean immediate = c.getMode() == CancellationMode.IMMEDIATE;
        String effective = formats.dateTime(c.getEffectiveAt());
        RefundWording refund = RefundWording.of(c, refunds.of(c), words, formats);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("receipt.reference"), c.getReference());
        facts.put(words.getString("receipt.received"), formats.dateTime(c.getRequestedAt()));
        facts.put(words.getString("receipt.subscription"), c.getSubscription().getPlan().getName());
        facts.put(words.getString(immediate ? "receipt.effective.immediate" : "receipt.effective"), effective);
        facts.put(words.getString("receipt.refund"), refund.summary());
        body.paragraph(format(words, "mail.receipt.intro", c.getSubscription().getPlan().getName()))
                .facts(facts)
                .heading(words.getString("receipt.next.heading"))
                .bullets(lines(words.getString("receipt.next.no-charges"),
                        format(words, immediate ? "receipt.next.access-ended" : "receipt.next.keep-access", effective),
                        refund.nextStep(),
                        format(words, "receipt.next.data", words.getString(policy.dataHandling().textKey())),
                        words.getString("receipt.next.survey")));
        if (policy.mayUndo(c, clock.instant())) {
            body.heading(words.getString("receipt.undo.heading"))
                    .paragraph(format(words, "mail.receipt.undo", effective));
        }
    }

    private void undone(EmailBody body, ResourceBundle words, LocalizedFormat formats, Cancellation c) {
        body.paragraph(format(words, "mail.undone.intro", c.getSubscription().getPlan().getName(), c.getReference(),
                        formats.dateTime(c.getUndoneAt())))
                .paragraph(words.getString("receipt.undone.next"))
                .paragraph(words.getString("receipt.cancel-again"));
    }
}
