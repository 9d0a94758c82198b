package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.cancelportal.web.security.FacesSignIn;
import org.cancelportal.survey.boundary.InvitationEmail;

/** Sign-in for the product team's pages; after it, the page they asked for (or the dashboard). */
@Named("login")
@RequestScoped
public class LoginPage {

    @Inject
    FacesSignIn signIn;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    private String email;
    private String password;

    public void signIn() throws IOException {
        FacesSignIn.Result result = signIn.signIn(email, password);
        switch (result.outcome()) {
            case SIGNED_IN -> external.redirect(external.getRequestContextPath() + "/insights");
            case REFUSED -> error("login.failed");
            case THROTTLED -> error("login.throttled", result.waitMinutes());
            case CONTINUED -> { } // already on its way to the page asked for
        }
    }

    private void error(String key, Object... arguments) {
        ResourceBundle words = ResourceBundle.getBundle(InvitationEmail.BUNDLE, faces.getViewRoot().getLocale());
        String text = new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
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
