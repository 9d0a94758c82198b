package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.cancelportal.survey.boundary.InvitationEmail;
import org.cancelportal.web.security.LoginForm;

/** Sign-in for the product team's pages; after it, the page they asked for (or the dashboard). */
@Named("login")
@RequestScoped
public class LoginPage extends LoginForm {

    @Inject
    FacesContext faces;

    @Override
    protected String landingPage() {
        return external.getRequestContextPath() + "/insights";
    }

    @Override
    protected void error(String key, Object... arguments) {
        ResourceBundle words = ResourceBundle.getBundle(InvitationEmail.BUNDLE, faces.getViewRoot().getLocale());
        String text = new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
