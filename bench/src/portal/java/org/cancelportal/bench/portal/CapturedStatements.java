package org.cancelportal.bench.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what PostgreSQL logged ({@code log_statement = all}, prefix {@code %m [%p] }) while the portal served one
 * action into (1) the list of its statements, transaction by transaction, with the round trips they took, (2) a
 * pgbench script that issues exactly those statements again for another subscription, which the bench-bare WAR
 * replays through JDBC as well, and (3) the plan of each statement ({@code EXPLAIN (ANALYZE, BUFFERS)}, rolled back).
 *
 * <p>The window holds the request's statements and whatever the background work (outbox relays, jobs) polled in the
 * meantime (bench/portal.sh waits until they have nothing due, then captures three times and keeps the quietest): a
 * transaction that claims or enrols outbox work ({@code SKIP LOCKED}, {@code outbox_consumer}, {@code outbox_delivery},
 * {@code webhook_delivery}, the senders' {@code sent_email}) is background work and left out, and so is one still
 * open when the window ends. The
 * session store's statements ({@code http_sessions}, and the empty query its pool checks a connection with) are listed
 * and counted but not replayed: they are the session store's cost, not the cancel's.
 *
 * <p>Replay: every parameter is written as a literal; the subscription's id (also the subscriber's, in this data) as a
 * token in any literal becomes {@code :sid}; the cancellation's id, read back with {@code select lastval()} after its
 * insert, becomes {@code :cid}; an optimistic lock's version check becomes {@code VERSION = VERSION + 1}; every
 * distinct UUID and cancellation reference gets a fresh random value per run ({@code :u1}, {@code :r2}, …).
 * Arguments: log file, window start, window end (both {@code yyyy-MM-dd HH:mm:ss.SSS} UTC), name, subscription id,
 * cancellation id or 0, output directory, plans directory (or - for none), JDBC URL.
 */
public final class CapturedStatements {

    private static final Pattern LINE = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\w+ \\[(\\d+)\\] (LOG|DETAIL):  (.*)$");
    private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]+): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']++|'')*+')");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern REFERENCE = Pattern.compile("CX-[0-9A-Z]{4}-[0-9A-Z]{4}");
    /** Each distinct UUID or reference of the capture, and the variable that stands for it in the script. */
    private static final Map<String, String> FRESH = new LinkedHashMap<>();
    private static final Pattern OPTIMISTIC_LOCK = Pattern.compile(
            "VERSION = '\\d+' WHERE \\(\\(ID = ('[^']*')\\) AND \\(VERSION = '\\d+'\\)\\)");
    private static final Pattern BACKGROUND = Pattern.compile(
            "SKIP LOCKED|outbox_consumer|outbox_delivery|webhook_delivery|sent_email", Pattern.CASE_INSENSITIVE);

    private CapturedStatements() {
    }

    record Logged(String time, String pid, String sql) {
    }

    public static void main(String[] args) throws IOException, SQLException {
        List<Logged> logged = read(Path.of(args[0]), args[1], args[2]);
        String name = args[3];
        long subscription = Long.parseLong(args[4]);
        long cancellation = Long.parseLong(args[5]);
        Path out = Path.of(args[6]);
        Path plans = Path.of(args[7].equals("-") ? "." : args[7]);
        Files.createDirectories(out);

        List<List<Logged>> transactions = transactions(logged);
        StringBuilder listing = new StringBuilder();
        StringBuilder script = new StringBuilder();
        List<String> replayed = new ArrayList<>();
        int statements = 0;
        int roundTrips = 0;
        int sessionStatements = 0;
        int number = 0;
        for (List<Logged> transaction : transactions) {
            boolean background = transaction.stream().anyMatch(s -> BACKGROUND.matcher(s.sql()).find());
            // A request's transactions end before its answer, so within the window; one still open is background work
            boolean unfinished = transaction.get(0).sql().trim().equalsIgnoreCase("BEGIN")
                    && !transaction.get(transaction.size() - 1).sql().trim().matches("(?i)COMMIT|ROLLBACK");
            if (background || unfinished) {
                continue;
            }
            // the empty query is a pool's connection check, sent before the session store's writes
            boolean session = transaction.stream().anyMatch(s -> s.sql().toLowerCase().contains("http_sessions")
                    || s.sql().isBlank());
            listing.append(String.format("-- transaction %d (backend %s)%s%n", ++number, transaction.get(0).pid(),
                    session ? ", session store: listed, not replayed" : ""));
            boolean afterCancellationInsert = false;
            for (Logged statement : transaction) {
                listing.append(statement.time()).append("  ").append(oneLine(statement.sql())).append('\n');
                boolean control = statement.sql().matches("(?is)\\s*(BEGIN|COMMIT|ROLLBACK)\\s*");
                statements++;
                // pgjdbc sends BEGIN in the same round trip as the transaction's first statement
                if (!statement.sql().trim().equalsIgnoreCase("BEGIN")) {
                    roundTrips++;
                }
                if (session) {
                    sessionStatements++;
                    continue;
                }
                String sql = template(statement.sql(), subscription, cancellation);
                if (afterCancellationInsert && sql.trim().equalsIgnoreCase("select lastval()")) {
                    sql = "select lastval() AS cid \\gset";
                }
                afterCancellationInsert = sql.toUpperCase().startsWith("INSERT INTO CANCELLATION");
                script.append(sql.endsWith("\\gset") ? sql : sql + ";").append('\n');
                if (!control) {
                    replayed.add(statement.sql());
                }
            }
        }
        Files.writeString(out.resolve(name + ".txt"), listing);
        StringBuilder variables = new StringBuilder();
        FRESH.values().forEach(v -> variables.append("\\set ").append(v).append(" random(100000000000, 999999999999)\n"));
        Files.writeString(out.resolve(name + ".sql"), variables.append(script));
        Files.writeString(out.resolve(name + ".count"), statements + " " + roundTrips + " " + sessionStatements + "\n");
        System.out.printf("  %s: %d statements in %d transactions, %d round trips (%d of them the session store's)%n",
                name, statements, number, roundTrips, sessionStatements);
        if (!args[7].equals("-")) {
            Files.createDirectories(plans);
            explain(args[8], replayed, plans, name);
        }
    }

    /** The statements logged in the window, each with its parameters written in as literals. */
    static List<Logged> read(Path log, String from, String to) throws IOException {
        List<String[]> found = new ArrayList<>(); // time, pid, text
        StringBuilder text = null;
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                if (text != null && line.startsWith("\t")) {
                    text.append('\n').append(line.substring(1));
                }
                continue;
            }
            if (text != null) {
                found.get(found.size() - 1)[2] = text.toString();
                text = null;
            }
            if (matcher.group(3).equals("DETAIL") && !found.isEmpty() && matcher.group(4).startsWith("Parameters: ")) {
                String[] last = found.get(found.size() - 1);
                if (last[1].equals(matcher.group(2))) {
                    last[2] = withParameters(last[2], matcher.group(4));
                }
                continue;
            }
            Matcher statement = STATEMENT.matcher(matcher.group(4));
            String time = matcher.group(1);
            if (!matcher.group(3).equals("LOG") || !statement.matches()
                    || time.compareTo(from) < 0 || time.compareTo(to) > 0) {
                continue;
            }
            found.add(new String[] {time, matcher.group(2), statement.group(1)});
            text = new StringBuilder(statement.group(1));
        }
        if (text != null) {
            found.get(found.size() - 1)[2] = text.toString();
        }
        return found.stream().map(f -> new Logged(f[0], f[1], f[2])).toList();
    }

    private static String withParameters(String sql, String detail) {
        Map<Integer, String> values = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(detail);
        while (parameter.find()) {
            values.put(Integer.parseInt(parameter.group(1)), parameter.group(2));
        }
        String result = sql;
        for (int i = values.size(); i >= 1; i--) { // $10 before $1
            result = result.replace("$" + i, values.get(i));
        }
        return result;
    }

    /** Per backend, BEGIN to COMMIT (or one statement alone), in the order the transactions began. */
    static List<List<Logged>> transactions(List<Logged> logged) {
        Map<String, List<Logged>> open = new LinkedHashMap<>();
        List<List<Logged>> result = new ArrayList<>();
        for (Logged statement : logged) {
            String sql = statement.sql().trim().toUpperCase();
            List<Logged> current = open.get(statement.pid());
            if (sql.equals("BEGIN") || current == null) {
                current = new ArrayList<>();
                result.add(current);
                open.put(statement.pid(), current);
            }
            current.add(statement);
            if (sql.equals("COMMIT") || sql.equals("ROLLBACK") || current.size() == 1 && !sql.equals("BEGIN")) {
                open.remove(statement.pid());
            }
        }
        return result;
    }

    static String template(String sql, long subscription, long cancellation) {
        String result = UUID.matcher(sql).replaceAll(m -> "00000000-0000-4000-8000-:"
                + FRESH.computeIfAbsent(m.group(), k -> "u" + (FRESH.size() + 1)));
        // An optimistic lock's versions differ on every run: keep the statement's work (the row is written), not its values
        result = OPTIMISTIC_LOCK.matcher(result).replaceAll("VERSION = VERSION + 1 WHERE ((ID = $1))");
        result = REFERENCE.matcher(result).replaceAll(m -> "CX-:"
                + FRESH.computeIfAbsent(m.group(), k -> "r" + (FRESH.size() + 1)));
        result = result.replaceAll("(?<![0-9.:])" + subscription + "(?![0-9])", ":sid");
        if (cancellation > 0) {
            result = result.replaceAll("(?<![0-9.:])" + cancellation + "(?![0-9])", ":cid");
        }
        return oneLine(result);
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s*\n\\s*", " ").trim();
    }

    /** Each distinct statement's plan, run in a transaction that is rolled back. */
    private static void explain(String url, List<String> statements, Path plans, String name) throws IOException {
        int i = 0;
        StringBuilder scans = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url)) {
            for (String sql : statements.stream().distinct().toList()) {
                i++;
                StringBuilder plan = new StringBuilder("-- ").append(oneLine(sql)).append("\n");
                connection.setAutoCommit(false);
                try (Statement explain = connection.createStatement();
                     ResultSet rows = explain.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                } catch (SQLException e) {
                    plan.append("(no plan: ").append(e.getMessage()).append(")\n");
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                Files.writeString(plans.resolve(String.format("%s-%02d.txt", name, i)), plan);
                if (plan.indexOf("Seq Scan") >= 0) {
                    scans.append(String.format("    %s-%02d: %s%n", name, i, oneLine(sql).substring(0,
                            Math.min(110, oneLine(sql).length()))));
                }
            }
        } catch (SQLException e) {
            System.out.println("  (plans not written: " + e.getMessage() + ")");
            return;
        }
        System.out.printf("  %d plans in %s%s%n", i, plans, scans.isEmpty() ? ", none with a sequential scan"
                : "; with a sequential scan:\n" + scans.toString().stripTrailing());
    }
}
