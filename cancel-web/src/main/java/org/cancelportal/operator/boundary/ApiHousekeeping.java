package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cancelportal.idempotency.control.IdempotentCalls;
import org.cancelportal.portalsession.control.PortalSessions;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/** Every hour, forgets idempotency keys past their 24 hours and portal sessions long expired. */
@ApplicationScoped
public class ApiHousekeeping {

    @Inject
    RepeatingJobs jobs;

    @Inject
    IdempotentCalls calls;

    @Inject
    PortalSessions sessions;

    void start(@Observes SchemaReady ready) {
        jobs.every(Duration.ofHours(1), Duration.ofMinutes(1), "Forgetting old idempotency keys and portal sessions",
                () -> {
                    calls.purge();
                    sessions.purge();
                });
    }
}
