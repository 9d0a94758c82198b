package org.cancelportal.operator.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long the key an operator rotated with keeps working, so it can switch without a gap. Default in portal.xml. */
@ApplicationScoped
public class OperatorKeySettings {

    @Inject
    @ConfigProperty(name = "operator-keys.previous-key-grace")
    Duration previousKeyGrace;

    protected OperatorKeySettings() {
    }

    public OperatorKeySettings(Duration previousKeyGrace) {
        this.previousKeyGrace = previousKeyGrace;
    }

    public Duration previousKeyGrace() {
        return previousKeyGrace;
    }
}
