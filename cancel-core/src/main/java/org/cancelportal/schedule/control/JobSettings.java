package org.cancelportal.schedule.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many background jobs, and apart from them how many webhook sends, run at once; MicroProfile Config jobs.*. */
@ApplicationScoped
public class JobSettings {

    @Inject
    @ConfigProperty(name = "jobs.max-concurrent")
    int maxConcurrent;

    public int maxConcurrent() {
        return maxConcurrent;
    }
}
