package org.cancelportal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo logins the sign-in page names on the run command's server, which alone configures them: the production
 * WAR holds neither the accounts nor their password, and shows no hint.
 */
@Named("demoLogins")
@ApplicationScoped
public class DemoLoginSettings {

    @Inject
    @ConfigProperty(name = "login.demo-accounts")
    Optional<String> accounts;

    @Inject
    @ConfigProperty(name = "login.demo-password")
    Optional<String> password;

    /** For the sign-in page: #{demoLogins.shown}. */
    public boolean isShown() {
        return accounts.isPresent() && password.isPresent();
    }

    public String getAccounts() {
        return accounts.orElse("");
    }

    public String getPassword() {
        return password.orElse("");
    }
}
