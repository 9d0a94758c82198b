package org.cancelportal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.cancelportal.subscription.entity.Money;

/** Times in the subscriber's own zone and money in their currency, both written the way the page's language writes them. */
@RequestScoped
public class DisplayFormat {

    @Inject
    FacesContext faces;

    @Inject
    PageMessages messages;

    public Locale locale() {
        return faces.getViewRoot().getLocale();
    }

    /**
     * A time to the minute, with the zone, so no promise is off by a day: "December 15, 2026, 5:01 PM (CET)". A time
     * at midnight is said as the end of the day before ("the end of December 14, 2026 (CET)"), because "12:00 AM"
     * leaves people unsure which day is meant.
     */
    public String dateTime(Instant instant, ZoneId zone) {
        var zoned = instant.atZone(zone);
        String zoneName = DateTimeFormatter.ofPattern("zzz", locale()).format(zoned);
        if (zoned.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return messages.text("time.end-of-day", date(zoned.minusDays(1).toInstant(), zone), zoneName);
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(zoned) + ", "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).format(zoned) + " ("
                + zoneName + ")";
    }

    public String date(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(instant.atZone(zone));
    }

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.amount().scale());
        format.setMaximumFractionDigits(money.amount().scale());
        return format.format(money.amount());
    }
}
