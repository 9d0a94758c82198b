package org.cancelportal.it.support;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements the portal sends to PostgreSQL while one request runs, read from the test database's own log
 * (log_statement turned on for that moment only), with their parameters, so that each can be EXPLAINed as sent.
 * Background work (the relays, which claim with SKIP LOCKED; the housekeeping) is told apart by its connection.
 */
public final class StatementLog implements AutoCloseable {

    private static final Pattern LINE = Pattern.compile("^@(\\d+)@\\s*LOG:  (?:execute [^:]+|statement): (.*)$");
    private static final Pattern PARAMETERS = Pattern.compile("^@\\d+@\\s*DETAIL:  [Pp]arameters: (.*)$");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

    private final Connection db;

    /** One statement as sent, its parameters written in. */
    public record Sent(int connection, String sql) {

        public boolean isTransactionControl() {
            return sql.equals("BEGIN") || sql.equals("COMMIT") || sql.equals("ROLLBACK");
        }
    }

    public StatementLog() throws SQLException {
        db = DriverManager.getConnection("jdbc:postgresql://localhost:" + System.getProperty("it.db.port", "25432")
                + "/postgres", "postgres", "postgres");
        db.setAutoCommit(true);
    }

    public Connection database() {
        return db;
    }

    /** Every statement of the connections that did what the action asked (they named one of these tables). */
    public List<Sent> during(Runnable action, String... tablesOfTheRequest) throws SQLException {
        String file = text("SELECT pg_current_logfile()");
        long from = size(file);
        setLogStatement(file, from, "all"); // once the server has taken it, every backend has it at its next command
        try {
            action.run();
        } finally {
            setLogStatement(file, from, "none");
        }
        return ofTheRequest(parse(read(file, from)), tablesOfTheRequest);
    }

    private void setLogStatement(String file, long from, String value) {
        try {
            run("ALTER SYSTEM SET log_statement = '" + value + "'");
            run("SELECT pg_reload_conf()");
            String taken = "parameter \"log_statement\" changed to \"" + value + "\"";
            await().atMost(Duration.ofSeconds(20)).until(() -> read(file, from).contains(taken));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String file, long from) throws SQLException {
        return text("SELECT pg_read_file('" + file + "', " + from + ", " + (size(file) - from) + ")");
    }

    private long size(String file) throws SQLException {
        return Long.parseLong(text("SELECT size FROM pg_stat_file('" + file + "')"));
    }

    private static final List<String> BACKGROUND = List.of("SKIP LOCKED", "outbox_delivery", "outbox_consumer",
            "webhook_delivery", "sent_email", "DELETE FROM api_idempotency WHERE created_at",
            "DELETE FROM portal_session WHERE expires_at", "DELETE FROM reminder_link WHERE", "ALTER SYSTEM",
            "pg_stat_file");

    /**
     * The transactions (and single statements outside one) of the connections the request used, less the background
     * work that may have used the same pooled connections in that moment.
     */
    private static List<Sent> ofTheRequest(List<Sent> all, String... tables) {
        Map<Integer, List<List<Sent>>> byConnection = new LinkedHashMap<>();
        for (Sent sent : all) {
            List<List<Sent>> units = byConnection.computeIfAbsent(sent.connection(), c -> new ArrayList<>());
            boolean open = !units.isEmpty() && !units.get(units.size() - 1).isEmpty()
                    && units.get(units.size() - 1).get(0).sql().equals("BEGIN")
                    && !units.get(units.size() - 1).get(units.get(units.size() - 1).size() - 1).sql()
                    .matches("COMMIT|ROLLBACK");
            if (!open) {
                units.add(new ArrayList<>());
            }
            units.get(units.size() - 1).add(sent);
        }
        List<Sent> request = new ArrayList<>();
        byConnection.values().stream()
                .filter(units -> units.stream().flatMap(List::stream).anyMatch(s -> List.of(tables).stream()
                        .anyMatch(table -> s.sql().toLowerCase().contains(table))))
                .flatMap(List::stream)
                // the end of a transaction that began before the log was turned on
                .filter(unit -> !unit.stream().allMatch(Sent::isTransactionControl))
                .filter(unit -> unit.stream().noneMatch(s -> BACKGROUND.stream().anyMatch(s.sql()::contains)))
                .forEach(request::addAll);
        return request;
    }

    private static List<Sent> parse(String log) {
        List<Sent> sents = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher statement = LINE.matcher(line);
            Matcher parameters = PARAMETERS.matcher(line);
            if (line.startsWith("\t") && !sents.isEmpty()) { // a statement over several lines
                Sent last = sents.remove(sents.size() - 1);
                sents.add(new Sent(last.connection(), last.sql() + "\n" + line.strip()));
            } else if (statement.matches()) {
                sents.add(new Sent(Integer.parseInt(statement.group(1)), statement.group(2).strip()));
            } else if (parameters.matches() && !sents.isEmpty()) {
                Sent last = sents.remove(sents.size() - 1);
                sents.add(new Sent(last.connection(), withParameters(last.sql(), parameters.group(1))));
            }
        }
        return sents;
    }

    private static String withParameters(String sql, String parameters) {
        Map<Integer, String> values = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(parameters);
        while (parameter.find()) {
            values.put(Integer.parseInt(parameter.group(1)), parameter.group(2));
        }
        String written = sql;
        for (int n = values.size(); n >= 1; n--) { // $12 before $1
            written = written.replace("$" + n, values.getOrDefault(n, "NULL"));
        }
        return written;
    }

    /** The plan PostgreSQL makes for the statement, without running it. */
    public String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement explain = db.createStatement(); ResultSet rows = explain.executeQuery("EXPLAIN " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    public void run(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
