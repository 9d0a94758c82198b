package org.cancelportal.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.health.StartedCheck;
import org.eclipse.microprofile.health.Startup;

/** The exit survey finished starting; reported in /health/started. */
@Startup
@ApplicationScoped
public class SurveyStartup extends StartedCheck {

    @Override
    protected String name() {
        return "exit-survey-startup";
    }
}
