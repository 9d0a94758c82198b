package org.cancelportal.bench.bare;

import jakarta.annotation.Resource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * The benchmark's yardsticks, deployed only by bench/portal.sh next to the portal's two WARs on the same server:
 * {@code GET /bench-bare/ping} answers "ok" and does nothing else (the cost of a request through this server's HTTP and
 * JAX-RS layers), and {@code POST /bench-bare/replay/{name}?sid=…} runs the statements the portal issued for one
 * cancel, as captured from PostgreSQL (the pgbench script CapturedStatements wrote, its BEGIN and COMMIT included),
 * through JDBC on the portal's own data source (the cost of the SQL alone, with the same pool and driver). Never part
 * of the production artifact.
 */
@ApplicationPath("/")
public class BareEndpoints extends Application {

    @Path("ping")
    public static class Ping {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String ping() {
            return "ok";
        }
    }

    @Path("replay")
    public static class Replay {

        private static final ConcurrentMap<String, List<String>> SCRIPTS = new ConcurrentHashMap<>();
        private static final Pattern SET = Pattern.compile("\\\\set (\\w+) random\\((\\d+), (\\d+)\\)");
        private static final Pattern VARIABLE = Pattern.compile(":(sid|cid|[ur]\\d+)\\b");

        @Resource(lookup = "jdbc/cancelportal")
        DataSource dataSource;

        @POST
        @Path("{name}")
        @Produces(MediaType.TEXT_PLAIN)
        public String replay(@PathParam("name") String name, @QueryParam("sid") long subscription)
                throws SQLException {
            List<String> script = SCRIPTS.computeIfAbsent(name, Replay::load);
            Map<String, String> variables = new HashMap<>(Map.of("sid", Long.toString(subscription)));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                try {
                    for (String line : script) {
                        run(line, statement, variables);
                    }
                } catch (SQLException | RuntimeException e) {
                    statement.execute("ROLLBACK"); // never hand the pool a connection inside a failed transaction
                    throw e;
                }
            }
            return "ok";
        }

        /** One line of a pgbench script: {@code \set v random(a, b)}, a statement, or a query ending in {@code \gset}. */
        private static void run(String line, Statement statement, Map<String, String> variables) throws SQLException {
            Matcher set = SET.matcher(line);
            if (set.matches()) {
                long low = Long.parseLong(set.group(2));
                long high = Long.parseLong(set.group(3));
                variables.put(set.group(1), Long.toString(ThreadLocalRandom.current().nextLong(low, high + 1)));
                return;
            }
            boolean gset = line.endsWith("\\gset");
            String sql = VARIABLE.matcher(gset ? line.substring(0, line.length() - 5) : line.substring(0,
                    line.length() - 1)).replaceAll(m -> Matcher.quoteReplacement(variables.get(m.group(1))));
            if (gset) {
                try (ResultSet row = statement.executeQuery(sql)) {
                    row.next();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        variables.put(row.getMetaData().getColumnLabel(i), row.getString(i));
                    }
                }
            } else {
                statement.execute(sql);
            }
        }

        private static List<String> load(String name) {
            if (!name.matches("[a-z-]+")) {
                throw new IllegalArgumentException(name);
            }
            try {
                return Files.readAllLines(java.nio.file.Path.of(System.getenv("PORTAL_BENCH_STATEMENTS"), name + ".sql"))
                        .stream().filter(line -> !line.isBlank()).toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
