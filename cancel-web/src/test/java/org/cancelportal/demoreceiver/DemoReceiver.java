package org.cancelportal.demoreceiver;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cancelportal.webhook.control.WebhookEventType;
import org.cancelportal.webhook.control.WebhookSignature;

/**
 * The run command's stand-in for an operator's system: a small HTTP server on loopback that the demo operator's
 * webhook endpoint points at. Once the portal is up it registers that endpoint through the operator API (or gives the
 * one from an earlier run a new secret, since a secret is shown only once), then prints every delivery and whether
 * its signature checks out.
 */
public final class DemoReceiver {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String portal;
    private final String key;
    private final String url;
    private final AtomicReference<String> secret = new AtomicReference<>();

    private DemoReceiver(String portal, String key, int port) {
        this.portal = portal;
        this.key = key;
        this.url = "http://127.0.0.1:" + port + "/webhooks";
    }

    /** Listens on the port and registers itself in the background, as soon as the portal answers. */
    public static void start(int port, String portal, String operatorKey) throws IOException {
        DemoReceiver receiver = new DemoReceiver(portal, operatorKey, port);
        receiver.warmUp();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receiver.received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor(DemoReceiver::daemon));
        // started from a daemon thread, so that its dispatcher is one too: Maven goes on to start the portal
        Thread starter = daemon(server::start);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(DemoReceiver::daemon);
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(15));
        retries.scheduleWithFixedDelay(() -> {
            if (receiver.tryToRegister() || Instant.now().isAfter(giveUp)) {
                retries.shutdown();
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    private void received(String id, String timestamp, String signature, byte[] body) {
        String current = secret.get();
        boolean signed = current != null && id != null && timestamp != null && signature != null
                && WebhookSignature.verify(current, id, Long.parseLong(timestamp), body, signature);
        String type = Json.createReader(new StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)))
                .readObject().getString("type", "?");
        System.out.printf("%n  Demo webhook receiver: %s %s, signature %s%n%n", type, id,
                signed ? "valid" : "NOT valid");
    }

    /**
     * Loads now every class the receiver needs later: Maven closes the class loader of the launcher once it returns,
     * so a class first needed then would be missing.
     */
    private void warmUp() {
        WebhookSignature.verify(WebhookSignature.newSecret(), "msg_warm_up", 0, new byte[0], "v1,none");
        Json.createReader(new StringReader(createBody())).readObject().getString("url");
        tryToRegister();
    }

    private String createBody() {
        var events = Json.createArrayBuilder();
        Arrays.stream(WebhookEventType.values()).forEach(type -> events.add(type.wireName()));
        return Json.createObjectBuilder().add("url", url)
                .add("description", "The run command's demo receiver").add("events", events).build().toString();
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "demo-receiver");
        thread.setDaemon(true);
        return thread;
    }

    /** True once registered; false while the portal is not up yet. */
    private boolean tryToRegister() {
        try {
            secret.set(register());
            System.out.printf("%n  Demo webhook receiver: the demo operator's endpoint %s is registered;"
                    + " deliveries are printed here.%n  Its delivery log: curl -H 'Authorization: Bearer %s'"
                    + " %s/api/v1/webhook-endpoints%n%n", url, key, portal);
            return true;
        } catch (IOException e) {
            return false;
        } catch (RuntimeException | LinkageError e) {
            System.out.println("  Demo webhook receiver: could not register (" + e + "); no demo deliveries this run");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The endpoint's secret: a new endpoint's, or a fresh one for the endpoint an earlier run registered. */
    private String register() throws IOException, InterruptedException {
        JsonObject list = call("GET", "/api/v1/webhook-endpoints", null);
        for (JsonValue item : list.getJsonArray("items")) {
            JsonObject endpoint = item.asJsonObject();
            if (url.equals(endpoint.getString("url"))) {
                return call("POST", "/api/v1/webhook-endpoints/" + endpoint.getString("id") + "/rotate-secret", "")
                        .getString("secret");
            }
        }
        return call("POST", "/api/v1/webhook-endpoints", createBody()).getString("secret");
    }

    private JsonObject call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500 || response.statusCode() == 404) {
            throw new IOException(method + " " + path + " answered " + response.statusCode()); // not up yet
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
