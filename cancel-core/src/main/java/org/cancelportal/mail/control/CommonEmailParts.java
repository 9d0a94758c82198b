package org.cancelportal.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.cancelportal.contact.control.SupportContacts;

/** The greeting, the support contacts and the signature every email of ours carries, in the reader's language. */
@ApplicationScoped
public class CommonEmailParts {

    static final String BUNDLE = "org.cancelportal.text.common";

    @Inject
    SupportContacts support;

    public EmailBody start(Locale locale, String name) {
        return new EmailBody().paragraph(format(locale, "mail.greeting", name));
    }

    public EmailBody finish(EmailBody body, Locale locale) {
        return finish(body, locale, "mail.why");
    }

    /** With its own line on why the reader gets this email (a key of the common bundle). */
    public EmailBody finish(EmailBody body, Locale locale, String whyKey) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale);
        Map<String, String> contacts = new LinkedHashMap<>();
        if (support.getEmail() != null) {
            contacts.put(words.getString("support.email"), support.getEmail());
        }
        if (support.getPhone() != null) {
            contacts.put(words.getString("support.phone"), support.getPhone());
        }
        if (support.getHelpdeskUrl() != null) {
            contacts.put(words.getString("support.helpdesk"), support.getHelpdeskUrl());
        }
        if (support.hours(locale) != null) {
            contacts.put(words.getString("support.hours"), support.hours(locale));
        }
        if (!contacts.isEmpty()) {
            body.heading(words.getString("support.heading")).paragraph(words.getString("support.intro")).facts(contacts);
        }
        return body.paragraph(words.getString("mail.signature")).paragraph(words.getString(whyKey));
    }

    public static String format(Locale locale, String key, Object... arguments) {
        return format(ResourceBundle.getBundle(BUNDLE, locale), key, arguments);
    }

    public static String format(ResourceBundle bundle, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }

    /** Non-null items only, in order: for bullet lists whose lines depend on the case. */
    public static List<String> lines(String... items) {
        List<String> present = new ArrayList<>();
        for (String item : items) {
            if (item != null) {
                present.add(item);
            }
        }
        return present;
    }
}
