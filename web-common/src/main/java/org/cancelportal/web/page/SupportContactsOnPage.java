package org.cancelportal.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.cancelportal.contact.control.SupportContacts;

/** The support contacts as every page's footer reads them: {@code #{support.email}}, … */
@Named("support")
@ApplicationScoped
public class SupportContactsOnPage {

    @Inject
    SupportContacts contacts;

    public String getEmail() {
        return contacts.getEmail();
    }

    public String getPhone() {
        return contacts.getPhone();
    }

    public String getPhoneLink() {
        return contacts.getPhoneLink();
    }

    public String getHelpdeskUrl() {
        return contacts.getHelpdeskUrl();
    }

    public String hours(Locale locale) {
        return contacts.hours(locale);
    }
}
