package org.cancelportal.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.health.StartedCheck;
import org.eclipse.microprofile.health.Startup;

/** The portal finished starting; reported in /health/started. */
@Startup
@ApplicationScoped
public class PortalStartup extends StartedCheck {

    @Override
    protected String name() {
        return "cancel-web-startup";
    }
}
