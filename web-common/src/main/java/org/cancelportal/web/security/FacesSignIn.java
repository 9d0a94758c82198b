package org.cancelportal.web.security;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cancelportal.identity.control.LoginThrottle;
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.time.WaitingTime;

/**
 * Signing in and out from a Faces login page, the same way in both applications: throttled against guessing, and
 * with a new session id for every sign-in, so a session id planted before it is worth nothing after.
 */
@RequestScoped
public class FacesSignIn {

    /** What came of a sign-in: on to the page asked for before, signed in here, not recognised, or too many tries. */
    public enum Outcome { CONTINUED, SIGNED_IN, REFUSED, THROTTLED }

    /** The outcome, and for THROTTLED how long to wait. */
    public record Result(Outcome outcome, Duration retryAfter) {

        /** Whole minutes to wait, rounded up, at least one. */
        public long waitMinutes() {
            return WaitingTime.wholeMinutes(retryAfter);
        }
    }

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    public Result signIn(String email, String password) {
        String account = UserAccounts.normalise(email);
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusedFor(account, address, clock.instant());
        if (wait.isPresent()) {
            return new Result(Outcome.THROTTLED, wait.get());
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var credential = new UsernamePasswordCredential(account, new Password(password == null ? "" : password));
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        if (status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.NOT_DONE) {
            throttle.failed(account, address, clock.instant());
            return new Result(Outcome.REFUSED, Duration.ZERO);
        }
        throttle.succeeded(account);
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete(); // the mechanism has already sent the browser on to the page asked for
            return new Result(Outcome.CONTINUED, Duration.ZERO);
        }
        return new Result(Outcome.SIGNED_IN, Duration.ZERO);
    }

    /** Ends the session and shows the login page with a note that says so. */
    public void signOut() throws IOException, ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?signedOut=true");
    }
}
