package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;
import org.cancelportal.identity.control.SubscriberLogins;

/**
 * Signs in the subscriber of a redeemed portal session, as a subscriber and nothing more. Password sign-ins are left
 * to the password store beside it.
 */
@ApplicationScoped
public class PortalSessionIdentityStore implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof PortalSessionCredential session) {
            return new CredentialValidationResult(new CallerPrincipal(session.login()), Set.of("subscriber"));
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** Asked before the password store (priority 70). */
    @Override
    public int priority() {
        return 60;
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
