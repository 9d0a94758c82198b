package org.cancelportal.bench.portal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The portal benchmark's PostgreSQL: the embedded server of the development run, on a port of its own, in a fresh
 * data directory every run, with the settings of a small production server. Its log goes to
 * {@code log/postgresql.log} in the data directory, so that the benchmark can switch {@code log_statement} on (ALTER
 * SYSTEM and a reload) to capture the statements of one action, and its {@code log_line_prefix} the same way (a
 * setting given here on the command line would outrank ALTER SYSTEM). Runs until the process is stopped; stopping it
 * stops PostgreSQL.
 * Arguments: port, data directory.
 */
public final class PortalDatabase {

    private PortalDatabase() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDirectory = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("max_connections", "200")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log") // in the data directory: the server's user may write there
                .setServerConfig("log_filename", "postgresql.log")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }, "stop-portal-bench-postgres"));
        System.out.printf("PostgreSQL is ready on localhost:%d, data in %s%n", port, dataDirectory);
        Thread.currentThread().join();
    }
}
