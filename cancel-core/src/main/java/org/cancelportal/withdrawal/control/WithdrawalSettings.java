package org.cancelportal.withdrawal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The withdrawal period of plans that do not name their own (0: the right applies only where a plan says so), and how
 * long the link that confirms a withdrawal declared on the public page works.
 */
@ApplicationScoped
public class WithdrawalSettings {

    @Inject
    @ConfigProperty(name = "withdrawal.default-days")
    int defaultDays;

    @Inject
    @ConfigProperty(name = "withdrawal.confirm-link-days")
    int confirmLinkDays;

    public java.time.Duration confirmLinkValidity() {
        return java.time.Duration.ofDays(confirmLinkDays);
    }

    @Produces
    WithdrawalPolicy policy() {
        if (defaultDays < 0 || defaultDays > WithdrawalPolicy.MAX_DAYS) {
            throw new IllegalArgumentException("Invalid configuration: withdrawal.default-days is " + defaultDays
                    + "; allowed values: 0 to " + WithdrawalPolicy.MAX_DAYS);
        }
        return new WithdrawalPolicy(defaultDays);
    }
}
