package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.cancelportal.web.security.FacesSignIn;
import org.cancelportal.web.PageMessages;
import org.cancelportal.link.control.LinkSettings;

@Named("login")
@RequestScoped
public class LoginPage {

    @Inject
    FacesSignIn signIn;

    @Inject
    ExternalContext external;

    @Inject
    PageMessages messages;

    @Inject
    LinkSettings links;

    private String email;
    private String password;

    public void signIn() throws IOException {
        FacesSignIn.Result result = signIn.signIn(email, password);
        switch (result.outcome()) {
            case SIGNED_IN -> external.redirect(landingPage());
            case REFUSED -> messages.error("login.failed");
            case THROTTLED -> messages.error("login.throttled", result.waitMinutes());
            case CONTINUED -> { } // already on its way to the page asked for
        }
    }

    /** Where each kind of account starts: subscribers on their account, staff on the pages of their role. */
    private String landingPage() {
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

    public void signOut() throws IOException, ServletException {
        signIn.signOut();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
