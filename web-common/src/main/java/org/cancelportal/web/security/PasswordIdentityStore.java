package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.identity.control.PasswordHashes;
import org.cancelportal.identity.control.UserAccounts;
import org.cancelportal.identity.entity.UserAccount;

/**
 * The password store: sign-ins on each application's own /login page are checked against the app_user table. Roles
 * are the account's (subscriber, support, product, admin, operator), mapped by name. {@link SessionSignInMechanism}
 * is how a sign-in is made and kept; both live here so that both applications sign people in the same way.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    @Inject
    UserAccounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        char[] password = given.getPassword().getValue();
        Optional<UserAccount> account = accounts.byUsername(given.getCaller())
                .filter(found -> found.getPasswordHash() != null);
        if (account.isEmpty()) {
            PasswordHashes.matchesNoAccount(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        String hash = account.get().getPasswordHash();
        if (!PasswordHashes.matches(password, hash)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (PasswordHashes.isOutdated(hash)) {
            accounts.replaceOutdatedHash(account.get().getUsername(), hash, PasswordHashes.hash(password));
        }
        return new CredentialValidationResult(
                new AccountPrincipal(account.get().getUsername(), account.get().getSubscriberId()),
                account.get().getRoles());
    }

    @Override
    public int priority() {
        return 70;
    }

    /** The roles of the account of that name, should the container ask this store for another store's caller. */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return accounts.byUsername(result.getCallerPrincipal().getName()).map(UserAccount::getRoles).orElse(Set.of());
    }
}
