package org.cancelportal.text;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.cancelportal.subscription.entity.Money;

/** Times in a person's own zone and money in its currency, written the way their language writes them. */
public record LocalizedFormat(Locale locale, ZoneId zone) {

    private static final String BUNDLE = "org.cancelportal.text.formats";

    /**
     * A time to the minute, with the zone, so no promise is off by a day: "December 15, 2026, 5:01 PM (CET)". A time
     * at midnight is said as the end of the day before ("the end of December 14, 2026 (CET)"), because "12:00 AM"
     * leaves people unsure which day is meant.
     */
    public String dateTime(Instant instant) {
        var zoned = instant.atZone(zone);
        String zoneName = DateTimeFormatter.ofPattern("zzz", locale).format(zoned);
        if (zoned.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString("time.end-of-day");
            return new MessageFormat(pattern, locale).format(new Object[] {date(zoned.minusDays(1).toInstant()), zoneName});
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(zoned) + ", "
                + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(zoned) + " ("
                + zoneName + ")";
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
    }

    /** A calendar day as it was reported, such as the day a payment was made. */
    public String date(java.time.LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.amount().scale());
        format.setMaximumFractionDigits(money.amount().scale());
        return format.format(money.amount());
    }
}
