package org.cancelportal.reminder.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When reminders and notices go out, per jurisdiction, in days before the date they are about ("7-30": from 30 to
 * 7 days before), how often the job looks, and how long the one-click link works. The defaults are in portal.xml,
 * once; they meet the strictest rule we know of (see the README's table).
 */
@ApplicationScoped
public class ReminderSettings {

    @Inject
    @ConfigProperty(name = "reminders.us.before-charge-days")
    String usBeforeCharge;

    @Inject
    @ConfigProperty(name = "reminders.us.before-price-change-days")
    String usBeforePriceChange;

    @Inject
    @ConfigProperty(name = "reminders.uk.before-charge-days")
    String ukBeforeCharge;

    @Inject
    @ConfigProperty(name = "reminders.uk.before-price-change-days")
    String ukBeforePriceChange;

    @Inject
    @ConfigProperty(name = "reminders.elsewhere.before-charge-days")
    String elsewhereBeforeCharge;

    @Inject
    @ConfigProperty(name = "reminders.elsewhere.before-price-change-days")
    String elsewhereBeforePriceChange;

    @Inject
    @ConfigProperty(name = "reminders.uk.cooling-off-notice-days")
    int coolingOffNoticeDays;

    @Inject
    @ConfigProperty(name = "reminders.uk.cooling-off-days")
    int coolingOffDays;

    @Inject
    @ConfigProperty(name = "reminders.interval")
    Duration interval;

    @Inject
    @ConfigProperty(name = "reminders.link-days-after-date")
    int linkDaysAfterDate;

    /** @throws IllegalArgumentException a window written wrongly, or windows with no day in common */
    public ReminderRules rules() {
        return new ReminderRules(
                Map.of(Jurisdiction.US, window("reminders.us.before-charge-days", usBeforeCharge),
                        Jurisdiction.UK, window("reminders.uk.before-charge-days", ukBeforeCharge),
                        Jurisdiction.ELSEWHERE, window("reminders.elsewhere.before-charge-days",
                                elsewhereBeforeCharge)),
                Map.of(Jurisdiction.US, window("reminders.us.before-price-change-days", usBeforePriceChange),
                        Jurisdiction.UK, window("reminders.uk.before-price-change-days", ukBeforePriceChange),
                        Jurisdiction.ELSEWHERE, window("reminders.elsewhere.before-price-change-days",
                                elsewhereBeforePriceChange)),
                new NoticeWindow(0, -coolingOffNoticeDays));
    }

    private static NoticeWindow window(String key, String value) {
        return NoticeWindow.parse(key, value);
    }

    /** The days after a renewal in which a UK subscriber may still change their mind, as the notice says. */
    public int coolingOffDays() {
        return coolingOffDays;
    }

    public Duration interval() {
        return interval;
    }

    /** A reminder's link works until this many days after the date the reminder is about. */
    public Duration linkAfterDate() {
        return Duration.ofDays(linkDaysAfterDate);
    }
}
