package org.cancelportal.severalnodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nodes several-nodes/start runs on this machine, as the proof sees them: the proxy in front, each node's port
 * and process, the proxy's access log, the folder the nodes write their emails to, and the one database.
 */
record Cluster(String proxy, int nodes, Path servers, Path accessLog, Path mailFolder, String jdbcUrl) {

    /** One line of the proxy's access log: who it forwarded, what, what came back, and which node answered. */
    record Forwarded(String client, String method, String path, int status, String node) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\S+ \"([^\"]*)\" \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) (\\S+) .*$");

    static Cluster fromArguments(String[] args) {
        if (args.length != 6) {
            throw new IllegalArgumentException("arguments: proxy URL, nodes, servers folder, access log, mail folder,"
                    + " JDBC URL");
        }
        return new Cluster(args[0].endsWith("/") ? args[0] : args[0] + "/", Integer.parseInt(args[1]),
                Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), args[5]);
    }

    String url(String path) {
        return proxy + path;
    }

    /**
     * A client address of its own for each visitor of each run, so that neither the throttles nor the access log mix
     * up runs: from 198.18.0.0/15, the range set aside for benchmarks. Only ever named to the proxy, never reached.
     */
    static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** What the proxy forwarded for the client it was told about (X-Forwarded-For), in order. */
    List<Forwarded> forwardedFor(String client) {
        try {
            return Files.readAllLines(accessLog).stream().map(LINE::matcher).filter(Matcher::matches)
                    .map(line -> new Forwarded(line.group(1), line.group(2), line.group(3),
                            Integer.parseInt(line.group(4)), line.group(5)))
                    .filter(line -> line.client().equals(client)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process of node n, as Liberty's server script recorded it when it started the node. */
    ProcessHandle nodeProcess(int node) {
        Path pidFile = servers.resolve(".pid").resolve("cancelportal-node" + node + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException("node " + node + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection database() {
        try {
            return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
