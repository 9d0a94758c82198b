package org.cancelportal.safety.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import javax.sql.DataSource;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Checks, once the schema is migrated and before the application takes a request, that a server without demo mode
 * holds nothing published (demo logins, demo keys) and lacks nothing it needs to be safe; otherwise the application
 * does not start, and the log names every problem and its fix. The run command and the tests run in demo mode.
 */
@ApplicationScoped
public class StartupSafety {

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Inject
    SafetySettings settings;

    /** Before the relays, schedules and demo data that also wait for the schema. */
    void checkAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) SchemaReady ready) {
        if (settings.demoMode()) {
            return;
        }
        List<String> problems = UnsafeConfiguration.problems(settings::value, DemoTraces.in(dataSource));
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }
}
