package org.cancelportal.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a sign-in lasts at most, however busy its session is kept; the idle timeout is the server's own. */
@ApplicationScoped
public class SessionSettings {

    @Inject
    @ConfigProperty(name = "login.session-lifetime")
    Duration lifetime;

    public Duration lifetime() {
        return lifetime;
    }
}
