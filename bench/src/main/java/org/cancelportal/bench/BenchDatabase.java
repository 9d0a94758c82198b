package org.cancelportal.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's PostgreSQL: the same embedded server as the development run, on a port of its own, with its data
 * kept between runs (generating a million answers takes minutes, starting on them takes a second). Runs until the
 * process is stopped; stopping it stops PostgreSQL. Arguments: port, data directory.
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(args[0]);
        Path dataDirectory = Path.of(args[1]);
        stopLeftOverServer(dataDirectory);
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                // The defaults of a small production server rather than of a test database: the whole data set
                // (about 2 GB) is not meant to sit in shared buffers, and the bulk load should not checkpoint often.
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("max_connections", "100")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop PostgreSQL cleanly: " + e.getMessage());
            }
        }, "stop-bench-postgres"));
        System.out.printf("PostgreSQL is ready on localhost:%d, data in %s%n", port, dataDirectory);
        Thread.currentThread().join();
    }

    /** A launcher killed hard leaves its postmaster running and holding the port; stop it before starting. */
    private static void stopLeftOverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).map(Long::parseLong).flatMap(ProcessHandle::of)
                // After a reboot the number may belong to another program.
                .filter(process -> process.info().command().orElse("").contains("postgres"));
        postmaster.ifPresent(process -> {
            System.out.println("Stopping a PostgreSQL left over from an earlier run (pid " + process.pid() + ")");
            process.destroy();
            process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        });
        Files.deleteIfExists(pidFile);
    }
}
