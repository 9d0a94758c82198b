package org.cancelportal.reminder.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.subscription.entity.Plan;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.subscription.entity.Subscription;

/**
 * A price an operator changes for a subscriber (a move to a plan with another price) applies from the next charge,
 * the end of the current period. (A change of a plan's own price, for all its subscribers, is {@link PlanPriceNotices}.) The notice is written in the same transaction as the change, and goes out on the
 * first day inside the notice window. A change reported too late for the window is still told, at once, marked late
 * for the support desk, logged and told to the operator (notice.late): the subscriber is told what will happen, and nobody pretends it was in time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PriceChanges {

    private static final Logger LOG = Logger.getLogger(PriceChanges.class.getName());

    @Inject
    Notices notices;

    @Inject
    ReminderSettings settings;

    @Inject
    Clock clock;

    /** Call after the subscription took its new plan and period; nothing happens when the price stays the same. */
    public void afterPlanChange(Subscription subscription, Plan before) {
        Instant applies = subscription.getCurrentPeriodEnd();
        Money oldPrice = before.priceAt(applies);
        Money newPrice = subscription.getPlan().priceAt(applies);
        if (oldPrice.equals(newPrice)) {
            return;
        }
        Subscriber subscriber = subscription.getSubscriber();
        ZoneId zone = subscriber.getTimeZone();
        Jurisdiction jurisdiction = Jurisdiction.of(subscriber.getCountry());
        Instant now = clock.instant();
        ReminderRules.Decision decision = settings.rules()
                .decide(jurisdiction, NoticeKind.PRICE_CHANGE, applies, now, zone).orElseThrow();
        boolean late = decision.timing() == ReminderRules.Timing.SEND_LATE
                || decision.timing() == ReminderRules.Timing.PASSED;
        Instant dueAt = decision.timing() == ReminderRules.Timing.NOT_YET
                ? decision.sendOn().atStartOfDay(zone).toInstant() : now;
        if (late) {
            LOG.warning(() -> "The price change of subscription " + subscription.getId() + " applies on "
                    + ReminderRules.day(applies, zone) + ", too soon to tell the subscriber within the notice window"
                    + " (it closed on " + decision.windowCloses() + "); the notice goes out now, marked late on the"
                    + " support desk");
        }
        notices.write(subscription, NoticeKind.PRICE_CHANGE, applies, late, oldPrice, newPrice, dueAt);
    }
}
