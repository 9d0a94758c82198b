package org.cancelportal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages themselves, over HTTP from a running server on the benchmark database: the dashboard and the first page
 * of answers as a signed-in product person gets them (one browser, one request at a time), and the CSV export
 * through the API. Arguments: the server's base URL (e.g. http://localhost:9280), the JDBC URL, the API key.
 * System properties bench.serverWarmups (20), bench.warmups (5) and bench.runs (50).
 */
public final class HttpPageBenchmark {

    private static final Pattern VIEW_STATE =
            Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern SUBMIT_LABEL =
            Pattern.compile("<input[^>]*name=\"login:submit\"[^>]*value=\"([^\"]*)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    private HttpPageBenchmark(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbcUrl = args[1];
        String apiKey = args[2];
        ProductLogin.ensure(jdbcUrl);
        LocalDate newest = newestAnswerDay(jdbcUrl);
        Stopwatch stopwatch = new Stopwatch(Integer.getInteger("bench.warmups", 5),
                Integer.getInteger("bench.runs", 50), 0, 0);

        HttpPageBenchmark pages = new HttpPageBenchmark(base);
        pages.signIn();
        String filtered = "from=" + newest.minusDays(89) + "&to=" + newest + "&plan=streaming-basic-monthly-eur"
                + "&language=de";
        Map<String, String> timed = new LinkedHashMap<>();
        timed.put("/survey/insights (default: last 90 days)", "/survey/insights");
        timed.put("/survey/insights (plan + language)", "/survey/insights?" + filtered);
        timed.put("/survey/insights/answers (default)", "/survey/insights/answers");
        timed.put("/survey/insights/answers (plan + language)", "/survey/insights/answers?" + filtered);
        // The server was just started: its first requests run while the JIT compiles Faces, EL and CDI. Every page in
        // turn first, so the first page timed does not pay for that alone (it did, with only its own 5 warm-ups).
        int serverWarmups = Integer.getInteger("bench.serverWarmups", 20);
        for (int round = 0; round < serverWarmups; round++) {
            for (String path : timed.values()) {
                pages.get(path);
            }
        }
        System.out.printf("%nPages over HTTP (%s, signed in as %s; %d rounds of all pages to warm the server up, then"
                        + " p50 and p95 of %d requests after %d warm-ups per page)%n", base, ProductLogin.EMAIL,
                serverWarmups, stopwatch.runs(), stopwatch.warmups());
        System.out.printf("  %-56s %9s %8s %8s%n", "page", "p50 ms", "p95 ms", "KB");
        for (Map.Entry<String, String> page : timed.entrySet()) {
            pages.time(stopwatch, page.getKey(), page.getValue());
        }

        System.out.printf("%nCSV export over HTTP (API key; server heap -Xmx256m)%n");
        System.out.printf("  %-28s %9s %8s %7s %10s%n", "period", "rows", "MB", "s", "rows/s");
        String all = "/survey/api/v1/responses/export?from=" + newest.minusDays(400) + "&to=" + newest;
        for (int run = 1; run <= 2; run++) {
            pages.export("all answers (run " + run + ")", all, apiKey);
        }
    }

    private void signIn() throws IOException, InterruptedException {
        String form = get("/survey/login").body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login_SUBMIT", "1"); // MyFaces only decodes a form that says it was submitted
        fields.put("login:email", ProductLogin.EMAIL);
        fields.put("login:password", ProductLogin.PASSWORD);
        fields.put("login:submit", first(SUBMIT_LABEL, form));
        fields.put("jakarta.faces.ViewState", first(VIEW_STATE, form));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/survey/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.uri().getPath().endsWith("/insights")) {
            throw new IllegalStateException("Signing in failed: " + signedIn.statusCode() + " at " + signedIn.uri());
        }
    }

    private void time(Stopwatch stopwatch, String label, String path) throws Exception {
        long[] bytes = {0};
        Timings timings = stopwatch.time(() -> {
            HttpResponse<String> page = get(path);
            if (page.statusCode() != 200 || page.uri().getPath().endsWith("/login")) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + " at " + page.uri());
            }
            bytes[0] = page.body().length();
            return page;
        });
        System.out.printf("  %-56s %9.1f %8.1f %8.0f%n", label, timings.p50(), timings.p95(), bytes[0] / 1024.0);
    }

    private void export(String label, String path, String apiKey) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + apiKey).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Export answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int read; (read = body.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = lines - 1; // the header; generated comments hold no line breaks
        System.out.printf("  %-28s %,9d %8.0f %7.1f %,10.0f%n", label, rows, bytes / 1e6, seconds, rows / seconds);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String first(Pattern pattern, String html) {
        Matcher found = pattern.matcher(html);
        if (!found.find()) {
            throw new IllegalStateException("Not on the login page: " + pattern.pattern());
        }
        return found.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static LocalDate newestAnswerDay(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT (max(submitted_at) AT TIME ZONE 'UTC')::DATE FROM survey_response")) {
            row.next();
            return row.getDate(1).toLocalDate();
        }
    }
}
