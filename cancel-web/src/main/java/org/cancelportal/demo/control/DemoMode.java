package org.cancelportal.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether this server runs with demo data; only then does the login page list the demo logins. */
@Named("demoMode")
@ApplicationScoped
public class DemoMode {

    @Inject
    @ConfigProperty(name = "cancelportal.demo-data", defaultValue = "false")
    boolean on;

    public boolean isOn() {
        return on;
    }
}
