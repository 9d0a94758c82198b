package org.cancelportal.contact.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How to reach a person, on every page and in every email; each channel only when configured. Opening hours may be
 * given per language (support.hours.de), falling back to support.hours.
 */
@ApplicationScoped
public class SupportContacts {

    @Inject
    Config config;

    public String getEmail() {
        return value("support.email").orElse(null);
    }

    public String getPhone() {
        return value("support.phone").orElse(null);
    }

    /** The phone number as a tel: link wants it: digits and a leading plus only. */
    public String getPhoneLink() {
        return value("support.phone").map(phone -> "tel:" + phone.replaceAll("[^0-9+]", "")).orElse(null);
    }

    public String getHelpdeskUrl() {
        return value("support.helpdesk-url").orElse(null);
    }

    public String hours(Locale locale) {
        return value("support.hours." + locale.getLanguage()).or(() -> value("support.hours")).orElse(null);
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(text -> !text.isEmpty());
    }
}
