package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cancelportal.link.control.LinkSettings;
import org.cancelportal.web.PageMessages;
import org.cancelportal.web.security.LoginForm;

/** The portal's sign-in; after it, the page asked for, or where each kind of account starts. */
@Named("login")
@RequestScoped
public class LoginPage extends LoginForm {

    @Inject
    PageMessages messages;

    @Inject
    LinkSettings links;

    /** Subscribers start on their account, staff on the pages of their role. */
    @Override
    protected String landingPage() {
        if (external.isUserInRole("subscriber")) {
            return external.getRequestContextPath() + "/account";
        }
        if (external.isUserInRole("admin")) {
            return external.getRequestContextPath() + "/admin/deliveries";
        }
        if (external.isUserInRole("support")) {
            return external.getRequestContextPath() + "/support/search";
        }
        if (external.isUserInRole("product")) {
            return links.surveyBaseUrl() + "/insights";
        }
        return external.getRequestContextPath() + "/account";
    }

    @Override
    protected void error(String key, Object... arguments) {
        messages.error(key, arguments);
    }
}
