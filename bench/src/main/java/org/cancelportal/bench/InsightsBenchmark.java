package org.cancelportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Prints how long the insights dashboard's queries take over the generated answers (see {@link InsightsData}), each
 * next to the same figure computed from the base tables, and how fast and in how much heap the CSV export runs.
 * Periods end on the day of the newest answer, so a database generated earlier gives the same figures.
 * Arguments: the JDBC URL and a folder for the query plans. System properties: bench.warmups (5) and bench.runs (50)
 * for everything the dashboard runs, bench.baseWarmups (1) and bench.baseRuns (10) for the base-table comparisons.
 */
public final class InsightsBenchmark {

    private static final String PLAN = "streaming-basic-monthly-eur";
    private static final String LANGUAGE = "de";

    private InsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        Path plansFolder = Path.of(args[1], "plans");
        Stopwatch stopwatch = new Stopwatch(Integer.getInteger("bench.warmups", 5),
                Integer.getInteger("bench.runs", 50), Integer.getInteger("bench.baseWarmups", 1),
                Integer.getInteger("bench.baseRuns", 10));

        PGSimpleDataSource customPlanSource = new PGSimpleDataSource();
        customPlanSource.setUrl(args[0]);
        customPlanSource.setOptions("-c plan_cache_mode=force_custom_plan");

        try (Connection connection = dataSource.getConnection();
             Connection customPlanConnection = customPlanSource.getConnection()) {
            SharedConnection shared = new SharedConnection(connection);
            LocalDate newest = LocalDate.parse(single(connection,
                    "SELECT (max(submitted_at) AT TIME ZONE 'UTC')::DATE FROM survey_response"));
            printSetting(connection, stopwatch);

            DashboardRun dashboard = new DashboardRun(shared, new SharedConnection(customPlanConnection),
                    new QueryPlans(plansFolder), stopwatch);
            InsightsFilter lastDays = InsightsFilter.lastDays(newest, InsightsFilter.DEFAULT_DAYS);
            dashboard.run("default", "Default filter: last %d days (%s to %s)".formatted(InsightsFilter.DEFAULT_DAYS,
                    lastDays.from(), lastDays.to()), lastDays, "expensive", "abroad");
            InsightsFilter narrowed = new InsightsFilter(lastDays.from(), lastDays.to(), PLAN, null, null, LANGUAGE,
                    null);
            dashboard.run("filtered", "Filtered: last %d days, plan %s, language %s".formatted(
                    InsightsFilter.DEFAULT_DAYS, PLAN, LANGUAGE), narrowed, "teuer", "Ausland");

            exportCsv(new ResponseReader(shared), newest);
            System.out.printf("%nLoad average at the end: %s%n", loadAverage());
            System.out.printf("%nQuery plans (EXPLAIN ANALYZE, BUFFERS) of every timed statement: %s%n", plansFolder);
        }
    }

    private static void exportCsv(ResponseReader reader, LocalDate newest) throws Exception {
        System.out.printf("%nCSV export (ResponseCsv.write into a null stream; this JVM's max heap %d MB)%n",
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("  %-28s %9s %8s %7s %10s %9s %10s %10s %11s%n", "period", "rows", "MB", "s", "rows/s",
                "heap MB", "peak MB", "pools MB", "GCs (ms)");
        InsightsFilter lastMonth = InsightsFilter.lastDays(newest, 30);
        InsightsFilter everything = new InsightsFilter(LocalDate.of(2000, 1, 1), newest, null, null, null, null, null);
        printExport("last 30 days", CsvExportRun.export(reader, all(lastMonth)));
        printExport("all answers (1st run)", CsvExportRun.export(reader, all(everything)));
        printExport("all answers (2nd run)", CsvExportRun.export(reader, all(everything)));
        System.out.println("  heap MB: used before, after a full GC; peak MB: highest heap use sampled every 2 ms;"
                + " pools MB: peaks of the heap pools added up (an upper bound)");
    }

    private static ResponseQuery all(InsightsFilter filter) {
        return new ResponseQuery(filter, null, null, null, false, null, ResponseQuery.MAX_SIZE);
    }

    private static void printExport(String label, CsvExportRun.Result result) {
        System.out.printf("  %-28s %,9d %8.0f %7.1f %,10.0f %9.1f %10.1f %10.1f %5d (%d)%n", label, result.rows(),
                result.bytes() / 1e6, result.seconds(), result.rowsPerSecond(), mb(result.heapBeforeBytes()),
                mb(result.peakSampledBytes()), mb(result.peakPoolsBytes()), result.collections(),
                result.collectionMillis());
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static void printSetting(Connection connection, Stopwatch stopwatch) throws SQLException {
        System.out.printf("Insights benchmark on %s%n", single(connection, "SELECT version()"));
        System.out.printf("  %s answers, %s cancellations, %s rows in insights_response_day,"
                        + " %s in insights_response_week, %s in insights_cancellation_day%n",
                single(connection, "SELECT to_char(count(*), 'FM9,999,999') FROM survey_response"),
                single(connection, "SELECT to_char(count(*), 'FM9,999,999') FROM cancellation"),
                single(connection, "SELECT to_char(count(*), 'FM9,999,999') FROM insights_response_day"),
                single(connection, "SELECT to_char(count(*), 'FM9,999,999') FROM insights_response_week"),
                single(connection, "SELECT to_char(count(*), 'FM9,999,999') FROM insights_cancellation_day"));
        System.out.printf("  %d cores, load average %s, JVM %s, one connection used again and again as from a pool%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
        System.out.printf("  p50 and p95 of %d runs after %d warm-ups (base tables: %d runs after %d, taking turns)%n",
                stopwatch.runs(), stopwatch.warmups(), stopwatch.slowRuns(), stopwatch.slowWarmups());
    }

    /** Other work on the machine shows in the figures; this says how much there was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
