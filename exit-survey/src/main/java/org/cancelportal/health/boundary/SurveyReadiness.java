package org.cancelportal.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.cancelportal.web.health.DatabaseCheck;
import org.eclipse.microprofile.health.Readiness;

/** The exit survey's database answers with the schema this build expects; reported in /health/ready. */
@Readiness
@ApplicationScoped
public class SurveyReadiness extends DatabaseCheck {

    @Override
    protected String name() {
        return "exit-survey-database";
    }
}
