package org.cancelportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

    /** One small read, without the roles: whether the login is still there (an erasure removes it). */
    public boolean exists(String username) {
        return !em.createQuery("select a.username from UserAccount a where a.username = :username")
                .setParameter("username", normalise(username)).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Replaces a hash made at a lower cost by one made now from the password just verified; a sign-in beside it that
     * replaced it first wins.
     */
    @Transactional
    public void replaceOutdatedHash(String username, String outdatedHash, String newHash) {
        em.createQuery("update UserAccount a set a.passwordHash = :newHash"
                        + " where a.username = :username and a.passwordHash = :outdatedHash")
                .setParameter("newHash", newHash).setParameter("username", username)
                .setParameter("outdatedHash", outdatedHash).executeUpdate();
    }

    /** Logins are email addresses; people type them in any case. */
    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
