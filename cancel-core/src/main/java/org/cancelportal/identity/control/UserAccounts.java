package org.cancelportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.cancelportal.identity.entity.UserAccount;

@ApplicationScoped
public class UserAccounts {

    @PersistenceContext
    EntityManager em;

    public Optional<UserAccount> byUsername(String username) {
        return Optional.ofNullable(em.find(UserAccount.class, normalise(username)));
    }

    /** Logins are email addresses; people type them in any case. */
    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
