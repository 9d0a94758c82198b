package org.cancelportal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.util.Set;
import org.cancelportal.identity.control.SubscriberLogins;
import org.junit.jupiter.api.Test;

class PortalSessionIdentityStoreTest {

    private final PortalSessionIdentityStore store = new PortalSessionIdentityStore();

    @Test
    void aRedeemedPortalSessionSignsItsSubscriberInAsASubscriberOnly() {
        CredentialValidationResult result = store.validate(new PortalSessionCredential(7,
                SubscriberLogins.forSubscriber(7)));
        assertEquals(Status.VALID, result.getStatus());
        assertEquals("subscriber#7", result.getCallerPrincipal().getName());
        assertEquals(Set.of("subscriber"), result.getCallerGroups());
    }

    @Test
    void aPortalSessionSubscribersNameAloneSignsNobodyIn() {
        assertEquals(Status.NOT_VALIDATED,
                store.validate(new CallerOnlyCredential(SubscriberLogins.forSubscriber(7))).getStatus());
    }

    @Test
    void everyOtherCallerIsLeftToThePasswordStore() {
        assertEquals(Status.NOT_VALIDATED, store.validate(new CallerOnlyCredential("admin@example.com")).getStatus());
        assertEquals(Status.NOT_VALIDATED, store.validate(new CallerOnlyCredential("subscriber#x")).getStatus());
        assertEquals(Status.NOT_VALIDATED, store.validate(new UsernamePasswordCredential("subscriber#7",
                "guess")).getStatus(), "a password never opens a portal session's login");
    }
}
