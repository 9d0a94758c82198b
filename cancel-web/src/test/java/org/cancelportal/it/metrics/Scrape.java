package org.cancelportal.it.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.cancelportal.it.support.TestServer;

/**
 * One reading of the test server's /metrics, as Prometheus takes it: over HTTPS (the server's self-signed
 * certificate, trusted here as a scraper configured with insecure_skip_verify would), with the scrape login.
 */
public final class Scrape {

    public static final String USER = "metrics";
    public static final String PASSWORD = "test-scrape-password";
    public static final URI HTTPS = URI.create("https://localhost:" + TestServer.HTTPS_PORT + "/metrics");
    public static final URI HTTP = URI.create(TestServer.ORIGIN + "/metrics");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).sslContext(trustingAnyCertificate()).build();

    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    /** Scrapes with the scrape login and fails unless the server answers 200 with Prometheus text. */
    public static Scrape take() {
        HttpResponse<String> response = get(HTTPS, USER, PASSWORD);
        if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("text/plain")) {
            throw new IllegalStateException("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    /** A request to /metrics with these credentials (none when user is null), redirects not followed. */
    public static HttpResponse<String> get(URI uri, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples of this name whose labels include all the given ones; 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && hasAll(sample.group(2), labels)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    public boolean has(String name, Map<String, String> labels) {
        return text.lines().map(SAMPLE::matcher)
                .anyMatch(sample -> sample.matches() && sample.group(1).equals(name) && hasAll(sample.group(2), labels));
    }

    public String text() {
        return text;
    }

    private static boolean hasAll(String labelText, Map<String, String> wanted) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher label = LABEL.matcher(labelText == null ? "" : labelText);
        while (label.find()) {
            found.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(found.get(entry.getKey())));
    }

    /** Test code only: the test server's certificate is self-signed and made at its first start. */
    public static SSLContext trustingAnyCertificate() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
