package org.cancelportal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.cancelportal.subscription.entity.Money;
import org.cancelportal.text.LocalizedFormat;

/** Times and money on a page: in the subscriber's zone, written the way the page's language writes them. */
@RequestScoped
public class DisplayFormat {

    @Inject
    LanguageSelection language;

    /** The page's language, also while a view action runs, before the view has been given its locale. */
    public Locale locale() {
        return language.getLocale();
    }

    public String dateTime(Instant instant, ZoneId zone) {
        return new LocalizedFormat(locale(), zone).dateTime(instant);
    }

    public String date(Instant instant, ZoneId zone) {
        return new LocalizedFormat(locale(), zone).date(instant);
    }

    public String money(Money money) {
        return new LocalizedFormat(locale(), ZoneId.of("UTC")).money(money);
    }
}
