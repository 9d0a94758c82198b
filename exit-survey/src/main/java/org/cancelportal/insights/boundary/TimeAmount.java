package org.cancelportal.insights.boundary;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A time span in the unit it reads best in: minutes under an hour, hours (one decimal) under two days, days (one
 * decimal) beyond; "under a minute" rather than "0 minutes".
 */
record TimeAmount(String unit, Number value) {

    static TimeAmount of(Duration span) {
        if (span.compareTo(Duration.ofMinutes(1)) < 0) {
            return new TimeAmount("under-a-minute", 0);
        }
        if (span.compareTo(Duration.ofHours(1)) < 0) {
            return new TimeAmount("minutes", span.toMinutes());
        }
        if (span.compareTo(Duration.ofDays(2)) < 0) {
            return new TimeAmount("hours", span.getSeconds() / 3600.0);
        }
        return new TimeAmount("days", span.getSeconds() / 86400.0);
    }

    /** The words for it from the application's bundle, numbers as the locale writes them. */
    String text(ResourceBundle words, Locale locale) {
        return new MessageFormat(words.getString("insights.duration." + unit), locale).format(new Object[]{value});
    }
}
