package org.cancelportal.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInCallerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aSubscriberSignedInWithTheirSubscriberNeedsNoLookUp() {
        assertTrue(new SignedInCaller("ann@example.com", Set.of("subscriber"), NOW, 42L).knowsSubscriber());
    }

    @Test
    void staffActForNoSubscriberWithoutALookUp() {
        assertTrue(new SignedInCaller("agent@example.com", Set.of("support"), NOW, null).knowsSubscriber());
    }

    @Test
    void aSubscriberSignedInBeforeSessionsNamedTheSubscriberIsLookedUp() {
        assertFalse(new SignedInCaller("ann@example.com", Set.of("subscriber"), NOW, null).knowsSubscriber());
    }
}
