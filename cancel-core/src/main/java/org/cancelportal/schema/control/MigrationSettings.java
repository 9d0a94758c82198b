package org.cancelportal.schema.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the schema is migrated by a role of its own. Its password is not read here: Liberty's migration data
 * source (jdbc/cancelportal-migration) connects with it.
 */
@ApplicationScoped
public class MigrationSettings {

    @Inject
    @ConfigProperty(name = "db.migration-user")
    Optional<String> migrationUser;

    /** A role other than the application's own owns the schema and migrates it. */
    public boolean separateMigrationRole() {
        return migrationUser.filter(user -> !user.isBlank()).isPresent();
    }
}
