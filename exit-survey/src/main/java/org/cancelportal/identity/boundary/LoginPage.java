package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ResourceBundle;
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.survey.boundary.InvitationEmail;

/** Sign-in for the product team's pages; after it, the page they asked for (or the dashboard). */
@Named("login")
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    private String email;
    private String password;

    public void signIn() throws IOException {
        var credential = new UsernamePasswordCredential(UserAccounts.normalise(email),
                new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/insights");
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, ResourceBundle
                    .getBundle(InvitationEmail.BUNDLE, faces.getViewRoot().getLocale()).getString("login.failed"),
                    null));
        }
    }

    public void signOut() throws IOException, ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
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
