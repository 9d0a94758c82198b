package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
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
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.web.PageMessages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Named("login")
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    @Inject
    PageMessages messages;

    @Inject
    @ConfigProperty(name = "survey.base-url", defaultValue = "/survey")
    String surveyBaseUrl;

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
            case SUCCESS -> external.redirect(landingPage());
            default -> messages.error("login.failed");
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
        if (external.isUserInRole("product")) {
            return surveyBaseUrl + "/insights";
        }
        return external.getRequestContextPath() + "/account";
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
