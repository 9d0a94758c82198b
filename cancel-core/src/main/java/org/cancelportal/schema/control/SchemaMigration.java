package org.cancelportal.schema.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application starts, before anything reads it, then announces
 * {@link SchemaReady}. Flyway takes a database lock, so several nodes starting at once migrate only once. With
 * {@code db.migration-user} set, that role migrates and owns the schema, and grants the application's own role
 * (db.user) only what serving requests takes.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    @Resource(lookup = "jdbc/cancelportal-migration")
    DataSource migrationDataSource;

    @Inject
    MigrationSettings settings;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    SchemaVersion schemaVersion;

    void migrateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        DataSource owner = settings.separateMigrationRole() ? migrationDataSource : dataSource;
        Flyway flyway = flyway(owner);
        MigrateResult result = migrate(flyway, owner, dataSource);
        // Flyway names a target version only when a versioned migration ran; otherwise the schema stayed where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migrations applied now)");
        newestCarried(flyway.info()).ifPresent(schemaVersion::expect);
        schemaReady.fire(new SchemaReady());
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    /** Migrates as {@code owner}, then lets the role {@code runtime} connects as read and write what it needs. */
    public static MigrateResult migrate(DataSource owner, DataSource runtime) {
        return migrate(flyway(owner), owner, runtime);
    }

    private static MigrateResult migrate(Flyway flyway, DataSource owner, DataSource runtime) {
        MigrateResult result = flyway.migrate();
        RuntimeRoleGrants.grant(owner, runtime, flyway.getConfiguration().getTable());
        return result;
    }

    /** The newest versioned migration this build carries, applied or not. */
    public static Optional<String> newestCarried(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(migration -> migration.getVersion() != null && migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion);
    }

    public static Flyway flyway(DataSource dataSource) {
        // db/migration and db/callback hold an empty flyway.location file: inside Liberty, Flyway finds a folder by
        // that marker (and logs an error for each folder it cannot find, db/callback included).
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
