package org.cancelportal.bench.portal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portal benchmark's table and JSON: reads the figures bench/portal.sh collected (one JSON object a line, each
 * with its size and name), prints them side by side for every size, and judges the goals, each a ratio measured
 * in one run, with PASS or FAIL. Arguments: the figures file, the JSON file to write.
 */
public final class PortalReport {

    /** Figures whose p50 must stay flat from the smallest size to the largest: every path of issue 17's list. */
    private static final List<String> PATHS = List.of("account", "cancel-page", "api-cancel", "api-upsert-subscriber",
            "api-upsert-subscription", "one-account", "one-receipt", "one-public-cancel-form", "one-support-search",
            "one-api-subscription", "one-api-subscriber", "one-api-subscription-list", "one-api-cancellation-list",
            "one-api-portal-session", "one-sign-in");
    /** Work done in bulk (the import, the jobs): flat when the time per row or item stays flat. */
    private static final List<String> BULK = List.of("import-new", "import-update", "import-plans", "relay",
            "effective-date", "survey-invitations");
    private static final double FLAT = 1.2;
    /** Shown elsewhere or not at all in the table's cells. */
    private static final List<String> NOT_IN_CELLS = List.of("size", "name", "seconds", "max_ms", "p90_ms",
            "load_before", "load_after", "top_self", "top_application");

    private final Map<Long, Map<String, JsonObject>> sizes = new LinkedHashMap<>();
    private final JsonArrayBuilder goals = Json.createArrayBuilder();
    private final List<String> verdicts = new ArrayList<>();

    private PortalReport() {
    }

    public static void main(String[] args) throws IOException {
        PortalReport report = new PortalReport();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                JsonObject figure = Json.createReader(new StringReader(line)).readObject();
                report.sizes.computeIfAbsent(figure.getJsonNumber("size").longValue(), s -> new LinkedHashMap<>())
                        .put(figure.getString("name"), figure);
            }
        }
        report.print();
        Files.writeString(Path.of(args[1]), report.json().toString());
    }

    private void print() {
        List<Long> measured = sizes.keySet().stream().filter(size -> size > 0).toList();
        System.out.println();
        Map<String, JsonObject> run = sizes.getOrDefault(0L, Map.of());
        System.out.println("== Portal benchmark");
        if (run.containsKey("machine")) {
            JsonObject machine = run.get("machine");
            System.out.println("   machine: " + machine.getString("description", machine.getJsonNumber("cores") + " cores")
                    + "; commit " + machine.getString("commit", "?") + "; load average at the start "
                    + machine.getString("load_average", "?") + (run.containsKey("run") ? ", at the end "
                    + run.get("run").getString("load_average_end", "?") + "; the run took "
                    + run.get("run").getJsonNumber("seconds") + " s" : ""));
            System.out.println("   phases: " + machine.getString("phases", "all"));
        }
        StringBuilder head = new StringBuilder(String.format("%-28s", "figure"));
        for (long size : measured) {
            head.append(String.format(" | %-50s", String.format(Locale.ROOT, "%,d subscriptions", size)));
        }
        System.out.println(head);
        List<String> names = new ArrayList<>();
        measured.forEach(size -> sizes.get(size).keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        for (String name : names.stream().filter(n -> !n.startsWith("profile-")).toList()) {
            StringBuilder row = new StringBuilder(String.format("%-28s", name));
            for (long size : measured) {
                row.append(String.format(" | %-50s", cell(sizes.get(size).get(name))));
            }
            System.out.println(row);
        }
        printProfiles(measured, names);
        System.out.println();
        for (long size : measured) {
            Map<String, JsonObject> at = sizes.get(size);
            judge(size, "account page: at least 50 % of the bare endpoint's requests/s", ratio(at, "account",
                    "bare-ping", "per_second"), 0.5, true);
            judge(size, "account page: p99 under 50 ms at 50 sessions", number(at.get("account"), "p99_ms"), 50,
                    false);
            judge(size, "cancel through the page: at least 60 % of pgbench (cycles/s)", ratio(at, "cancel-page",
                    "pgbench-page-cycle", "done_per_second"), 0.6, true);
            info(size, "cancel through the page against bare JDBC (cycles/s)", ratio(at, "cancel-page",
                    "bare-page-cycle", "done_per_second"));
            judge(size, "API cancel: at least 60 % of pgbench (cancels/s)", ratio(at, "api-cancel",
                    "pgbench-api-cancel", "done_per_second"), 0.6, true);
            info(size, "API cancel against bare JDBC (cancels/s)", ratio(at, "api-cancel", "bare-api-cancel",
                    "done_per_second"));
            judge(size, "ready in under 10 s from the start command, warm (kept extraction)",
                    number(at.get("start-warm"), "ready_seconds"), 10, false);
            info(size, "ready after the first start, which unpacks the artifact (s)", number(at.get("start"),
                    "ready_seconds"));
        }
        verdicts.forEach(System.out::println);
        if (measured.size() > 1) {
            printFlatWithScale(measured.get(0), measured.get(measured.size() - 1));
        }
    }

    /** Each path at the smallest and the largest size side by side, against the goal of at most 1.2 times. */
    private void printFlatWithScale(long small, long large) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== Flat with scale: %,d against %,d subscriptions (goal: at most %.1f times)%n",
                large, small, FLAT);
        System.out.printf(Locale.ROOT, "%-28s %-12s %14s %14s %7s  %s%n", "path", "measure", "at " + small,
                "at " + large, "ratio", "verdict");
        for (String path : PATHS) {
            flatRow(small, large, path, "p50_ms", "p50 ms");
        }
        for (String path : BULK) {
            flatRow(small, large, path, "ms_per_item", "ms per item");
        }
    }

    private void flatRow(long small, long large, String path, String key, String measure) {
        Double before = number(sizes.get(small).get(path), key);
        Double after = number(sizes.get(large).get(path), key);
        Double ratio = before == null || after == null || before == 0 ? null : after / before;
        String verdict = judge(large, "flat with scale: " + path + " " + measure + " at most " + FLAT + " times the "
                + small + " one", ratio, FLAT, false);
        System.out.printf(Locale.ROOT, "%-28s %-12s %14s %14s %7s  %s%n", path, measure, format(before),
                format(after), ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio), verdict);
    }

    private static String format(Double value) {
        return value == null ? "not measured" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The flight recordings' top 5 frames, by self time and by the topmost frame of the portal's own code. */
    private void printProfiles(List<Long> measured, List<String> names) {
        for (String name : names.stream().filter(n -> n.startsWith("profile-")).toList()) {
            for (long size : measured) {
                JsonObject profile = sizes.get(size).get(name);
                if (profile != null) {
                    System.out.printf(Locale.ROOT, "%s at %,d (bench/target/portal/%s-%d.txt)%n  self:        %s%n"
                                    + "  application: %s%n", name, size, name, size, profile.getString("top_self", ""),
                            profile.getString("top_application", ""));
                }
            }
        }
    }

    private static String cell(JsonObject figure) {
        if (figure == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonValue> entry : figure.entrySet()) {
            if (NOT_IN_CELLS.contains(entry.getKey())) {
                continue;
            }
            String value;
            if (entry.getValue() instanceof JsonNumber number) {
                value = number.isIntegral() ? Long.toString(number.longValue())
                        : String.format(Locale.ROOT, "%.1f", number.doubleValue());
            } else {
                value = entry.getValue().toString().replace("\"", "");
            }
            text.append(abbreviation(entry.getKey())).append(' ').append(value).append(' ');
        }
        if (figure.containsKey("load_before")) {
            text.append("load ").append(figure.get("load_before")).append('>')
                    .append(figure.containsKey("load_after") ? figure.get("load_after").toString() : "?");
        }
        return text.toString().trim();
    }

    private static String abbreviation(String key) {
        return switch (key) {
            case "per_second" -> "req/s";
            case "done_per_second" -> "done/s";
            case "requests" -> "n";
            case "ms_per_item" -> "ms/item";
            case "statements_round_trips_session" -> "statements/round trips/of them sessions";
            default -> key.replace("_ms", "").replace("_", " ");
        };
    }

    private static Double ratio(Map<String, JsonObject> at, String measured, String yardstick, String key) {
        Double value = number(at.get(measured), key);
        Double base = number(at.get(yardstick), key);
        return value == null || base == null || base == 0 ? null : value / base;
    }

    private static Double number(JsonObject figure, String key) {
        return figure == null || !figure.containsKey(key) || !(figure.get(key) instanceof JsonNumber n) ? null
                : n.doubleValue();
    }

    /** Records the goal for the JSON and the verdict list; returns PASS, FAIL or N/A. */
    private String judge(long size, String goal, Double value, double limit, boolean atLeast) {
        Boolean pass = value == null ? null : atLeast ? value >= limit : value <= limit;
        String verdict = pass == null ? "N/A" : pass ? "PASS" : "FAIL";
        if (!goal.startsWith("flat with scale")) {
            verdicts.add(String.format(Locale.ROOT, "%-5s %,10d  %s: %s", verdict, size, goal,
                    value == null ? "not measured" : String.format(Locale.ROOT, "%.2f", value)));
        }
        JsonObjectBuilder entry = Json.createObjectBuilder().add("size", size).add("goal", goal).add("limit", limit);
        if (value != null) {
            entry.add("value", value).add("pass", pass);
        }
        goals.add(entry);
        return verdict;
    }

    private void info(long size, String what, Double value) {
        verdicts.add(String.format(Locale.ROOT, "      %,10d  %s: %s", size, what,
                value == null ? "not measured" : String.format(Locale.ROOT, "%.2f", value)));
    }

    private JsonObject json() {
        JsonObjectBuilder bySize = Json.createObjectBuilder();
        sizes.forEach((size, figures) -> {
            JsonObjectBuilder named = Json.createObjectBuilder();
            figures.forEach((name, figure) -> named.add(name, figure));
            bySize.add(size == 0 ? "run" : Long.toString(size), named);
        });
        return Json.createObjectBuilder().add("figures", bySize).add("goals", goals).build();
    }
}
