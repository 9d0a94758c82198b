package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * The password store: sign-ins on each application's own /login page are checked against the app_user table with
 * PBKDF2 hashes. Roles are the groups the store returns (subscriber, support, product, admin, operator), mapped by
 * name. {@link SessionSignInMechanism} is how a sign-in is made and kept; both live here so that both applications
 * sign people in the same way.
 */
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/cancelportal",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ?",
        groupsQuery = "SELECT role FROM app_user_role WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@ApplicationScoped
public class SecurityConfiguration {
}
