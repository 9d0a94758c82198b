package org.cancelportal.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database functions read as they are today in the repeatable migrations (R__), one file per family, while the
 * versioned migrations that first made them stay exactly as databases applied them.
 */
class RepeatableMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern FUNCTION = Pattern.compile("CREATE (?:OR REPLACE )?FUNCTION (\\w+)\\(");

    private EmbeddedPostgres postgres;
    private DataSource dataSource;

    @TempDir
    Path versionedOnly;

    @BeforeEach
    void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterEach
    void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void everyFunctionAVersionedMigrationMadeIsDefinedInExactlyOneRepeatableMigration() {
        Set<String> versioned = new TreeSet<>();
        Map<String, List<String>> repeatable = new TreeMap<>();
        for (Path file : migrations()) {
            String name = file.getFileName().toString();
            for (String function : functionsIn(file)) {
                if (name.startsWith("R__")) {
                    repeatable.computeIfAbsent(function, f -> new java.util.ArrayList<>()).add(name);
                } else {
                    versioned.add(function);
                }
            }
        }
        assertFalse(versioned.isEmpty());
        for (String function : versioned) {
            assertEquals(1, repeatable.getOrDefault(function, List.of()).size(),
                    () -> function + " is defined in these repeatable migrations: " + repeatable.get(function));
        }
    }

    @Test
    void aDatabaseMigratedBeforeTheRepeatableMigrationsTakesThemAndKeepsEveryFunctionAsItWas() throws SQLException {
        migrateWithoutRepeatableMigrations("latest");
        Map<String, String> before = functionDefinitions();

        MigrateResult result = SchemaMigration.migrate(dataSource);

        assertTrue(result.success);
        assertEquals(2, result.migrationsExecuted, "the two repeatable migrations, nothing else");
        assertEquals(before, functionDefinitions());
        assertEquals(0, SchemaMigration.migrate(dataSource).migrationsExecuted, "and not again while unchanged");
    }

    /**
     * The old V5 (insights serial scans, inlinable tenure_band) became V8 before any database outside development
     * existed. A database that applied it stops the server at start-up with Flyway's own message; once its history
     * forgets version 5, it migrates, and V8 repeats what V5 did.
     */
    @Test
    void aDevelopmentDatabaseThatAppliedTheOldV5IsRefusedUntilItsHistoryForgetsIt() throws SQLException {
        migrateWithoutRepeatableMigrations("4");
        execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (5, '5', 'insights serial scans inlinable tenure band',"
                + " 'SQL', 'V5__insights_serial_scans_inlinable_tenure_band.sql', 1, 'postgres', 1, true)");

        FlywayValidateException refused = assertThrows(FlywayValidateException.class,
                () -> SchemaMigration.migrate(dataSource));
        assertTrue(refused.getMessage().contains("Detected applied migration not resolved locally: 5"),
                refused.getMessage());

        execute("DELETE FROM flyway_schema_history WHERE version = '5'");
        assertTrue(SchemaMigration.migrate(dataSource).success);
    }

    /** As databases were migrated before the repeatable migrations existed: the versioned ones, up to target. */
    private void migrateWithoutRepeatableMigrations(String target) {
        for (Path file : migrations()) {
            if (file.getFileName().toString().startsWith("V")) {
                try {
                    Files.copy(file, versionedOnly.resolve(file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + versionedOnly).target(target).load()
                .migrate();
    }

    private Map<String, String> functionDefinitions() throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT p.proname, pg_get_functiondef(p.oid)"
                     + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'")) {
            while (rows.next()) {
                definitions.put(rows.getString(1), rows.getString(2));
            }
        }
        return definitions;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute(sql);
        }
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> functionsIn(Path file) {
        try {
            Matcher matcher = FUNCTION.matcher(Files.readString(file));
            return matcher.results().map(match -> match.group(1)).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
