package org.cancelportal.withdrawal.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.cancelportal.cancellation.boundary.RefundWording;
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
import org.cancelportal.withdrawal.control.WithdrawalEvents;
import org.cancelportal.withdrawal.control.Withdrawals;
import org.cancelportal.withdrawal.entity.Withdrawal;

/**
 * The acknowledgement on a durable medium the law asks for: without delay after a withdrawal, an email with its
 * content, the date and time it reached us, and the refund, in the subscriber's language and time zone. A
 * withdrawal is final, so it carries no undo, and says so.
 */
@ApplicationScoped
public class WithdrawalEmail implements OutboxConsumer {

    @Inject
    Withdrawals withdrawals;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Inject
    WithdrawalLinks links;

    @Inject
    Refunds refunds;

    @Override
    public String name() {
        return "withdrawal-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(WithdrawalEvents.WITHDRAWN);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        String reference = event.payloadObject().getString("reference");
        Withdrawal w = withdrawals.byReference(reference)
                .orElseThrow(() -> new IllegalStateException("No withdrawal " + reference));
        Subscriber subscriber = w.getSubscription().getSubscriber();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, subscriber.getTimeZone());
        String plan = w.getSubscription().getPlan().getName();
        WithdrawalWording refund = WithdrawalWording.of(w.getRefund(), words, formats);
        // where the refund stands as the operator has confirmed it: due by a date, until billing says it was paid
        RefundWording state = refunds.of(w)
                .map(found -> RefundWording.of(found.getAmount(), Optional.of(found), words, formats)).orElse(null);
        String subject = format(words, "withdrawal.mail.subject", plan, reference);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("withdrawal.reference"), reference);
        facts.put(words.getString("withdrawal.received"), formats.dateTime(w.getReceivedAt()));
        facts.put(words.getString("withdrawal.contract"), plan);
        facts.put(words.getString("withdrawal.concluded"), formats.date(w.getSubscription().getStartedAt()));
        facts.put(words.getString("withdrawal.ended"), formats.dateTime(w.getCarriedOutAt()));
        facts.put(words.getString("withdrawal.refund"), state == null ? refund.summary() : state.summary());
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(format(words, "withdrawal.mail.intro", plan))
                .facts(facts)
                .heading(words.getString("withdrawal.next.heading"))
                .bullets(CommonEmailParts.lines(words.getString("withdrawal.next.from-start"),
                        refund.explanation(), state == null ? words.getString("withdrawal.next.refund-how")
                                : state.nextStep(),
                        w.getSupersededCancellation() == null ? words.getString("withdrawal.next.no-charges")
                                : format(words, "withdrawal.next.superseded", w.getSupersededCancellation())))
                .paragraph(words.getString("withdrawal.final"))
                .link(words.getString("withdrawal.mail.link"), links.link(reference));
        common.finish(body, locale);
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>", "WITHDRAWAL_CONFIRMATION",
                subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
    }
}
