package org.cancelportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many failed sign-ins, per account and per client address, before sign-ins there wait a few minutes. */
@ApplicationScoped
public class LoginSettings {

    @Inject
    @ConfigProperty(name = "login.max-failures-per-account")
    int maxFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "login.max-failures-per-address")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "login.block-minutes")
    int blockMinutes;

    protected LoginSettings() {
    }

    public LoginSettings(int maxFailuresPerAccount, int maxFailuresPerAddress, int blockMinutes) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.blockMinutes = blockMinutes;
    }

    public int maxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    /** Both the window failures are counted in and how long a sign-in then waits. */
    public Duration block() {
        return Duration.ofMinutes(blockMinutes);
    }
}
