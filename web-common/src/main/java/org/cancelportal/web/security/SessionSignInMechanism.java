package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.cancelportal.identity.control.SubscriberLogins;

/**
 * How both applications sign people in and keep them signed in. A sign-in (a password from a login page, or a
 * redeemed portal session) is checked by the identity stores and then kept in the HTTP session; every later request
 * of that session is signed in from there ({@link SignInFromSessionInterceptor}). The server's own memory of a
 * sign-in is only a cache: it forgets a caller after ten idle minutes, on a restart, on another node, or whenever it
 * is cleared, and a caller it had forgotten was signed out in the middle of a cancellation, their next page an error
 * for the session they still held. Protected pages send whoever is not signed in to /login and back.
 */
@ApplicationScoped
@SignInFromSession
@LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false)
public class SessionSignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Clock clock;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        return credential == null ? context.doNothing() : signIn(request, context, credential);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInCaller caller = new SignedInCaller(result.getCallerPrincipal().getName(), result.getCallerGroups(),
                clock.instant(), subscriberOf(result.getCallerPrincipal()));
        caller.keepIn(request.getSession());
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    /** Empty when the store that accepted the caller did not say; then the login is looked up when it is needed. */
    private static Long subscriberOf(CallerPrincipal principal) {
        return principal instanceof AccountPrincipal account ? account.subscriberId()
                : SubscriberLogins.subscriberId(principal.getName()).orElse(null);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SignedInCaller.forget(request.getSession(false));
    }
}
