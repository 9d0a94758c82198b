package org.cancelportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs timed statements once more under EXPLAIN (ANALYZE, BUFFERS) with the same parameters and keeps the plans as
 * text files: the evidence for which index or daily table a query needs.
 *
 * <p>The plan shown is the one the timed runs used. A statement run often on one connection becomes a server-side
 * prepared statement (the driver does that from its 5th run), and PostgreSQL then may switch to a generic plan made
 * without the parameter values. pg_prepared_statements counts which kind ran; a generic plan is explained through
 * PREPARE and EXECUTE with plan_cache_mode forced, since an EXPLAIN with bound parameters always plans for the values.
 */
final class QueryPlans {

    private final Path directory;

    QueryPlans(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Explains each statement recorded on the connection and writes {@code name.txt} (numbered if several). */
    void save(String name, SharedConnection shared) throws SQLException, IOException {
        List<SharedConnection.Statement> statements = shared.recorded();
        for (int i = 0; i < statements.size(); i++) {
            String file = statements.size() == 1 ? name : name + "-" + (i + 1);
            Files.write(directory.resolve(file + ".txt"), explain(shared.connection(), statements.get(i)));
        }
    }

    /** Explained under the settings the statement ran with, which are reset afterwards. */
    private static List<String> explain(Connection connection, SharedConnection.Statement statement)
            throws SQLException {
        try (Statement session = connection.createStatement()) {
            for (String setting : statement.settings()) {
                session.execute(setting);
            }
            try {
                return explainAsRun(connection, statement);
            } finally {
                for (String setting : statement.settings()) {
                    session.execute("RESET " + setting.strip().split("\\s+")[1]);
                }
            }
        }
    }

    private static List<String> explainAsRun(Connection connection, SharedConnection.Statement statement)
            throws SQLException {
        String numbered = numberedPlaceholders(statement.sql());
        long[] generic = planCounts(connection, numbered);
        boolean usedGeneric = generic[0] > generic[1];
        List<String> lines = new ArrayList<>();
        lines.add(statement.sql());
        lines.add("-- parameters: " + statement.parameters());
        statement.settings().forEach(setting -> lines.add("-- run after: " + setting));
        lines.add(generic[0] + generic[1] == 0
                ? "-- not prepared on the server: every run planned for its values (custom plan)"
                : "-- runs on this connection so far: %d with a generic plan, %d with a custom plan"
                        .formatted(generic[0], generic[1]));
        lines.add("");
        if (usedGeneric) {
            lines.add("== generic plan, as the timed runs used it");
            lines.addAll(explainGeneric(connection, numbered, statement.parameters()));
            lines.add("");
            lines.add("== custom plan, for the same values");
        }
        lines.addAll(explainCustom(connection, statement));
        return lines;
    }

    /** [generic plans, custom plans] of the server-side prepared statement with this text, or zeros. */
    private static long[] planCounts(Connection connection, String numberedSql) throws SQLException {
        try (PreparedStatement counts = connection.prepareStatement("SELECT coalesce(sum(generic_plans), 0),"
                + " coalesce(sum(custom_plans), 0) FROM pg_prepared_statements WHERE statement = ?")) {
            counts.setString(1, numberedSql);
            try (ResultSet row = counts.executeQuery()) {
                row.next();
                return new long[]{row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static List<String> explainCustom(Connection connection, SharedConnection.Statement statement)
            throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                + statement.sql())) {
            bind(explain, statement.parameters());
            return lines(explain);
        }
    }

    private static List<String> explainGeneric(Connection connection, String numberedSql, List<Object> parameters)
            throws SQLException {
        try (Statement setup = connection.createStatement()) {
            setup.execute("PREPARE bench_explained AS " + numberedSql);
            setup.execute("SET plan_cache_mode = force_generic_plan");
            // EXECUTE is a utility statement: it takes no bound parameters, so the values go in as typed literals.
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) EXECUTE"
                    + " bench_explained(" + typedLiterals(setup, parameters) + ")")) {
                return lines(explain);
            } finally {
                setup.execute("RESET plan_cache_mode");
                setup.execute("DEALLOCATE bench_explained");
            }
        }
    }

    /** "'2026-01-01'::date, 'de'::text, …" in the types PREPARE inferred for the parameters. */
    private static String typedLiterals(Statement statement, List<Object> parameters) throws SQLException {
        List<String> literals = new ArrayList<>();
        try (ResultSet types = statement.executeQuery("SELECT unnest(parameter_types)::TEXT FROM"
                + " pg_prepared_statements WHERE name = 'bench_explained'")) {
            for (int i = 0; types.next(); i++) {
                Object value = parameters.get(i);
                String text = value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant().toString()
                        : String.valueOf(value);
                literals.add("'" + text.replace("'", "''") + "'::" + types.getString(1));
            }
        }
        return String.join(", ", literals);
    }

    /** The driver sends ? as $1, $2, …; that is also how pg_prepared_statements shows the statement. */
    private static String numberedPlaceholders(String sql) {
        StringBuilder numbered = new StringBuilder();
        int next = 1;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(next++);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static List<String> lines(PreparedStatement explain) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        return lines;
    }
}
