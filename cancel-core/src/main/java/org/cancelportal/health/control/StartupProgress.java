package org.cancelportal.health.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Whether this application finished starting: it observes {@link SchemaReady} after everyone else (the safety check,
 * the relays, the demo data), so an observer that throws, the safety check refusing an unsafe configuration above
 * all, leaves it not started.
 */
@ApplicationScoped
public class StartupProgress {

    /** After every other observer of SchemaReady, the demo history's included. */
    static final int LAST = Interceptor.Priority.PLATFORM_AFTER + 1000;

    private volatile boolean started;

    void finished(@Observes @Priority(LAST) SchemaReady ready) {
        started = true;
    }

    public boolean started() {
        return started;
    }
}
