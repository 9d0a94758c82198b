package org.cancelportal.schema.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, before anything reads it, then announces
 * {@link SchemaReady}. Flyway takes a database lock, so several nodes starting at once migrate only once.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    void migrateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result = migrate(dataSource);
        // Flyway names a target version only when a versioned migration ran; otherwise the schema stayed where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
        schemaReady.fire(new SchemaReady());
    }

    public static MigrateResult migrate(DataSource dataSource) {
        // db/migration and db/callback hold an empty flyway.location file: inside Liberty, Flyway finds a folder by
        // that marker (and logs an error for each folder it cannot find, db/callback included).
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
