package org.cancelportal.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.health.RunningCheck;
import org.eclipse.microprofile.health.Liveness;

/** The portal answers; reported in /health/live. */
@Liveness
@ApplicationScoped
public class PortalLiveness extends RunningCheck {

    @Override
    protected String name() {
        return "cancel-web";
    }
}
