package org.cancelportal.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How webhooks may be sent: whether an endpoint may be on this very machine (only for the tests and the run command's
 * own receiver), and how long a rotated secret keeps signing. The defaults are in portal.xml, once.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "webhooks.allow-loopback")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "webhooks.rotation-grace")
    Duration rotationGrace;

    protected WebhookSettings() {
    }

    public WebhookSettings(boolean allowLoopback, Duration rotationGrace) {
        this.allowLoopback = allowLoopback;
        this.rotationGrace = rotationGrace;
    }

    public boolean allowLoopback() {
        return allowLoopback;
    }

    public Duration rotationGrace() {
        return rotationGrace;
    }
}
