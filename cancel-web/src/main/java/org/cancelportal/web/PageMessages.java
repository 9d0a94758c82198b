package org.cancelportal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages shown on the page, from the same bundles as every other word, in the page's language. */
@RequestScoped
public class PageMessages {

    public static final String BUNDLE = "org.cancelportal.web.i18n.messages";

    @Inject
    FacesContext faces;

    @Inject
    LanguageSelection language;

    public String text(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.getLocale());
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    public void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    private void add(FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        faces.addMessage(null, new FacesMessage(severity, text, text));
    }
}
