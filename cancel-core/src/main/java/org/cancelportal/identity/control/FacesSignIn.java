package org.cancelportal.identity.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signing in and out from a Faces login page, the same way in both applications. */
@RequestScoped
public class FacesSignIn {

    /** What came of a sign-in: on to the page asked for before, signed in here, or not recognised. */
    public enum Outcome { CONTINUED, SIGNED_IN, REFUSED }

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    public Outcome signIn(String email, String password) {
        var credential = new UsernamePasswordCredential(UserAccounts.normalise(email),
                new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        return switch (status) {
            case SEND_CONTINUE -> {
                faces.responseComplete(); // the mechanism has already sent the browser on to the page asked for
                yield Outcome.CONTINUED;
            }
            case SUCCESS -> Outcome.SIGNED_IN;
            default -> Outcome.REFUSED;
        };
    }

    /** Ends the session and shows the login page with a note that says so. */
    public void signOut() throws IOException, ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
    }
}
