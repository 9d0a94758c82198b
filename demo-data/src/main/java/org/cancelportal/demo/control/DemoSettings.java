package org.cancelportal.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server runs with demo data and with a year of demo history for the insights pages. Both are off
 * unless the run command or the tests turn them on; this module is never part of the production artifact anyway.
 */
@ApplicationScoped
public class DemoSettings {

    @Inject
    @ConfigProperty(name = "cancelportal.demo-data")
    boolean data;

    @Inject
    @ConfigProperty(name = "cancelportal.demo-history")
    boolean history;

    public boolean isOn() {
        return data;
    }

    public boolean history() {
        return history;
    }
}
