package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;
import org.cancelportal.identity.control.SubscriberLogins;

/**
 * Signs in the subscriber of a redeemed portal session, as a subscriber and nothing more. Password sign-ins are left
 * to the database store beside it.
 */
@ApplicationScoped
public class PortalSessionIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PortalSessionCredential session) {
            return subscriber(session.login());
        }
        // The runtime asserts a caller it signed in before (from its own signed single-sign-on cookie) with a
        // CallerOnlyCredential whenever it no longer holds that sign-in in its cache, e.g. on a busy server. Without
        // this the subscriber of a portal session, who has no password row, would be signed out mid-way.
        if (credential instanceof CallerOnlyCredential caller
                && SubscriberLogins.subscriberId(caller.getCaller()).isPresent()) {
            return subscriber(caller.getCaller());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private static CredentialValidationResult subscriber(String login) {
        return new CredentialValidationResult(new CallerPrincipal(login), Set.of("subscriber"));
    }

    /** Groups are taken only from stores that provide them; this one names its own callers, and only those. */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return SubscriberLogins.subscriberId(result.getCallerPrincipal().getName()).isPresent()
                ? Set.of("subscriber") : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
