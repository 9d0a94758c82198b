package org.cancelportal.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language the person picked with the switch on every page; until they pick one, the browser's preference
 * decides (resolved by Faces against the supported locales).
 */
@Named
@SessionScoped
public class LanguageSelection implements Serializable {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Locale chosen;

    public static Optional<Locale> supported(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag)).findFirst();
    }

    public void choose(Locale locale) {
        this.chosen = locale;
    }

    /** Null lets Faces choose from the browser's Accept-Language. */
    public Locale getLocale() {
        return chosen;
    }
}
