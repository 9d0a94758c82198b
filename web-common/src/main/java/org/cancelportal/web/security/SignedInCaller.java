package org.cancelportal.web.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in on a session, as the identity stores accepted them: their name, their roles, when, and the
 * subscriber the login acts for (none for staff). Kept in the session itself, so it lives exactly as long as the
 * session does, travels with it wherever sessions are kept, and spares every later request of the session a read of
 * the login.
 */
public record SignedInCaller(String name, Set<String> groups, Instant signedInAt, Long subscriberId)
        implements Serializable {

    private static final String ATTRIBUTE = SignedInCaller.class.getName();

    public SignedInCaller {
        groups = Set.copyOf(groups);
    }

    public static Optional<SignedInCaller> of(HttpSession session) {
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignedInCaller) session.getAttribute(ATTRIBUTE));
    }

    /**
     * @return whether the sign-in has outlived the lifetime every sign-in has, however busy its session; one kept
     *         before sign-ins had a time has
     */
    boolean outlived(Duration lifetime, Instant now) {
        return signedInAt == null || !now.isBefore(signedInAt.plus(lifetime));
    }

    /**
     * @return whether the sign-in names the subscriber it acts for; one kept before sign-ins did, and a subscriber's
     *         login that acts for nobody, does not, and whoever asks must look the login up
     */
    public boolean knowsSubscriber() {
        return subscriberId != null || !groups.contains("subscriber");
    }

    public void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
