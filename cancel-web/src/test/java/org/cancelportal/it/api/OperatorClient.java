package org.cancelportal.it.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cancelportal.it.clock.TestTime;

/** An operator's billing system calling the API over HTTP with its key. */
public final class OperatorClient {

    private static final HttpClient HTTP = org.cancelportal.it.support.TestServer.HTTP;

    private final URL base;
    private final String key;

    public OperatorClient(URL base, String key) {
        this.base = base;
        this.key = key;
    }

    /** A new operator on the test server; the origin is where its portal sessions may return to. */
    public static Created newOperator(URL base, String origin) {
        JsonObject json = fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?origin=" + origin))
                .POST(HttpRequest.BodyPublishers.noBody())).json();
        return new Created(json.getString("code"), json.getString("key"), json.getString("plan"),
                new OperatorClient(base, json.getString("key")));
    }

    public record Created(String code, String key, String plan, OperatorClient client) {

        /** A customer of this operator with one subscription to its plan, 20 days before the period ends. */
        public void customer(String subscriber, String subscription) {
            client.put("subscribers/" + subscriber, "{\"email\":\"" + subscriber + "-" + java.util.UUID.randomUUID()
                    + "@example.com\",\"name\":\"Kim Lee\"}");
            client.put("subscriptions/" + subscription, "{\"subscriber\":\"" + subscriber + "\",\"plan\":\"" + plan
                    + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                    + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\""
                    + TestTime.isoMidnightInDays(20) + "\"}");
        }
    }

    /** What came back: status, content type, headers and body. */
    public record Reply(int status, String contentType, HttpResponse<String> raw) {

        public JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The names of the bad parts a problem answer lists. */
        public List<String> named() {
            return json().getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                    .map(error -> error.containsKey("field") ? error.getString("field")
                            : error.containsKey("header") ? error.getString("header") : error.getString("parameter"))
                    .sorted().collect(Collectors.toList());
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/" + path));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operator's audit trail on the test server. */
    public static List<String> audit(URL base, String code) {
        return List.of(fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?audit=" + code)).GET())
                .body().split("\n"));
    }

    /** The audit trail of one person (by login) on the test server, a line each. */
    public static List<String> auditBy(URL base, String login) {
        return List.of(fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?audit-by="
                + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8))).GET()).body()
                .split("\n"));
    }

        public static void ageIdempotencyKeys(URL base, String code) {
        fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?age-keys=" + code))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static void endKeyGrace(URL base, String code) {
        fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?end-key-grace=" + code))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static void expireSessions(URL base, String code) {
        fixture(HttpRequest.newBuilder(URI.create(base + "test-fixtures/operator?expire-sessions=" + code))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A fixture call that did not do its work stops the test there. */
    private static Reply fixture(HttpRequest.Builder request) {
        Reply reply = send(request);
        if (reply.status() != 200) {
            throw new IllegalStateException("The test fixture answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
