package org.cancelportal.reminder.boundary;

import static org.cancelportal.mail.control.CommonEmailParts.format;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.cancelportal.mail.control.CommonEmailParts;
import org.cancelportal.mail.control.EmailBody;
import org.cancelportal.mail.control.Mailer;
import org.cancelportal.mail.control.OutgoingEmail;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.reminder.control.NoticeKind;
import org.cancelportal.reminder.control.Notices;
import org.cancelportal.reminder.control.ReminderEvents;
import org.cancelportal.reminder.control.ReminderLinks;
import org.cancelportal.reminder.control.ReminderSettings;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;
import org.cancelportal.text.LocalizedFormat;
import org.cancelportal.web.PageMessages;

/**
 * Sends a reminder or notice: the plan, the price, the calendar date of the charge or change in the subscriber's own
 * zone, and the one-click link to that subscription's cancel box, in the subscriber's language. A notice that is no
 * longer true when its turn comes (cancelled meanwhile, or billing moved) is not sent, and marked so.
 */
@ApplicationScoped
public class ReminderEmail implements OutboxConsumer {

    private static final Logger LOG = Logger.getLogger(ReminderEmail.class.getName());

    @Inject
    Notices notices;

    @Inject
    ReminderLinks links;

    @Inject
    ReminderSettings settings;

    @Inject
    Mailer mailer;

    @Inject
    CommonEmailParts common;

    @Override
    public String name() {
        return "reminder-email";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ReminderEvents.NOTICE_DUE);
    }

    @Override
    public void handle(OutboxEvent event) throws Exception {
        long id = event.payloadObject().getJsonNumber("noticeId").longValue();
        Notices.Notice notice = notices.byId(id).orElseThrow(() -> new IllegalStateException("No notice " + id));
        Subscription subscription = notices.subscriptionOf(notice);
        if (!Notices.stillTrue(notice, subscription)) {
            notices.skipped(id);
            LOG.info(() -> "Notice " + id + " (" + notice.kind() + ") of subscription " + subscription.getId()
                    + " was not sent: the subscription changed before its turn came");
            return;
        }
        Subscriber subscriber = subscription.getSubscriber();
        Locale locale = subscriber.getLocale();
        ResourceBundle words = ResourceBundle.getBundle(PageMessages.BUNDLE, locale);
        LocalizedFormat formats = new LocalizedFormat(locale, subscriber.getTimeZone());
        String plan = subscription.getPlan().getName();
        String date = formats.date(notice.date());
        ReminderLinks.Link link = links.issue(id, subscriber.getId(), subscription.getId(), notice.date());
        String subject = format(words, "reminder.mail.subject." + notice.kind(), plan, date);
        EmailBody body = common.start(locale, subscriber.getName())
                .paragraph(intro(words, formats, notice, plan, date))
                .facts(facts(words, formats, notice, subscription, date))
                .paragraph(format(words, notice.kind() == NoticeKind.UK_COOLING_OFF
                        ? "reminder.mail.cancel-or-keep.cooling-off" : "reminder.mail.cancel-or-keep", plan))
                .link(format(words, "reminder.mail.link", plan), link.url())
                .paragraph(format(words, "reminder.mail.link-note", formats.date(link.expiresAt())));
        common.finish(body, locale, "reminder.mail.why");
        mailer.send(new OutgoingEmail("<" + event.getId() + "." + name() + "@cancelportal>",
                "REMINDER_" + notice.kind(), subscriber.getId(), subscriber.getEmail(), locale, subject, body.text(),
                body.html(locale.getLanguage(), subject)));
        notices.sent(id);
    }

    private String intro(ResourceBundle words, LocalizedFormat formats, Notices.Notice notice, String plan,
                         String date) {
        return switch (notice.kind()) {
            case PRICE_CHANGE -> format(words, "reminder.mail.intro.PRICE_CHANGE", plan, date,
                    formats.money(notice.oldPrice()), formats.money(notice.newPrice()));
            case UK_COOLING_OFF -> format(words, "reminder.mail.intro.UK_COOLING_OFF", plan, date,
                    formats.date(notice.date().plus(Duration.ofDays(settings.coolingOffDays()))));
            default -> format(words, "reminder.mail.intro." + notice.kind(), plan, date);
        };
    }

    private Map<String, String> facts(ResourceBundle words, LocalizedFormat formats, Notices.Notice notice,
                                      Subscription subscription, String date) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(words.getString("reminder.mail.plan"), subscription.getPlan().getName());
        if (notice.kind() == NoticeKind.PRICE_CHANGE) {
            facts.put(words.getString("reminder.mail.old-price"), price(words, formats, notice.oldPrice(),
                    subscription));
            facts.put(words.getString("reminder.mail.new-price"), price(words, formats, notice.newPrice(),
                    subscription));
            facts.put(words.getString("reminder.mail.new-price-from"), date);
        } else {
            facts.put(words.getString("reminder.mail.price"), price(words, formats,
                    subscription.nextChargePrice(), subscription));
            facts.put(words.getString(notice.kind() == NoticeKind.UK_COOLING_OFF
                    ? "reminder.mail.charged-on" : "reminder.mail.charge-on"), date);
        }
        return facts;
    }

    private static String price(ResourceBundle words, LocalizedFormat formats, Money amount, Subscription s) {
        return format(words, s.getPlan().getBillingPeriod() == BillingPeriod.MONTHLY
                ? "price.per-month" : "price.per-year", formats.money(amount));
    }
}
