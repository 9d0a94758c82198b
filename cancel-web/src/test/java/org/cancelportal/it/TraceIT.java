package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.ServerLog;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One trace follows a cancellation from the operator's HTTP request through the outbox to the receipt email and the
 * webhook it caused. The request carries a trace context of the test's own making (as a caller's tracing would); the
 * test server writes its spans to messages.log (otel.traces.exporter=logging), where the test finds them, and the
 * webhook receiver gets the trace context in its request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TraceIT extends PortalOnly {

    @RegisterExtension
    static GreenMailExtension mail = TestServer.mailbox();

    private final Receiver receiver = new Receiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theCancelRequestTheOutboxTheEmailAndTheWebhookShareOneTrace() {
        OperatorClient.Created shop = shopWithEndpoint("/traced");
        String traceId = newTraceId();

        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_t/cancel", "{}",
                "Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(201, cancelled.status(), cancelled.body());

        eventually("the webhook").until(() -> receiver.at("/traced").size() == 1);
        String passedOn = receiver.at("/traced").get(0).header("traceparent");
        assertTrue(passedOn != null && passedOn.startsWith("00-" + traceId + "-"), "the receiver got " + passedOn);
        eventually("the spans of the request, the outbox, the email and the webhook in one trace").until(() -> {
            List<String> spans = spansOf(traceId);
            return spans.stream().anyMatch(span -> span.contains("/cancel' : " + traceId) && span.contains(" SERVER "))
                    && spans.stream().anyMatch(span -> span.contains("'outbox receipt-email' : " + traceId))
                    && spans.stream().anyMatch(span -> span.contains("'outbox webhooks' : " + traceId))
                    && spans.stream().anyMatch(span -> span.contains("'webhook ") && span.contains(" CLIENT "));
        });
    }

    /**
     * The application's own log records name the trace they were written in: a webhook attempt that failed is logged
     * within the webhook's span, so its record carries the trace id of the cancel request and the id of that span,
     * the same the receiver got as the parent in its traceparent.
     */
    @Test
    void aFailedWebhookAttemptIsLoggedWithTheTraceAndSpanItHappenedIn() {
        OperatorClient.Created shop = shopWithEndpoint("/flaky");
        receiver.answer("/flaky", 500, 200);
        String traceId = newTraceId();

        assertEquals(201, shop.client().post("subscriptions/sub_t/cancel", "{}", "Idempotency-Key",
                UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").status());

        eventually("the failed attempt and the one after it").until(() -> receiver.at("/flaky").size() == 2);
        Receiver.Received failed = receiver.at("/flaky").get(0);
        String webhookSpan = failed.header("traceparent").split("-")[2];
        String logged = "Webhook " + failed.header("webhook-id") + " attempt 1 ";
        JsonObject record = eventually("the failed attempt in the log").until(() -> ServerLog.records().stream()
                .filter(line -> line.getString("message").startsWith(logged)).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertEquals(traceId, record.getString("ext_traceId", null), record::toString);
        assertEquals(webhookSpan, record.getString("ext_spanId", null), record::toString);
    }

    /** A failure while answering a request is logged under the request's trace, so support finds both from the code. */
    @Test
    void anIncidentLoggedWhileAnsweringARequestCarriesTheRequestsTraceId() throws Exception {
        String traceId = newTraceId();

        HttpResponse<String> page = TestServer.HTTP.send(HttpRequest.newBuilder(
                        base.toURI().resolve("test-fixtures/failure"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        Matcher code = Pattern.compile("id=\"incident\">([0-9A-F]{8})<").matcher(page.body());
        assertTrue(code.find(), page::body);
        JsonObject record = eventually("the incident in the log").until(() -> ServerLog.records().stream()
                .filter(line -> line.getString("message").startsWith("Incident " + code.group(1) + " ")).findFirst(),
                Optional::isPresent).orElseThrow();
        assertEquals(traceId, record.getString("ext_traceId", null), record::toString);
    }

    private static String newTraceId() {
        return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    /** The spans the logging exporter wrote for this trace, one record each. */
    private static List<String> spansOf(String traceId) {
        return ServerLog.records().stream().map(record -> record.getString("message"))
                .filter(message -> message.contains("' : " + traceId + " ")).toList();
    }

    /** An operator with the customer sub_t and an endpoint at the receiver's path for cancellations. */
    private OperatorClient.Created shopWithEndpoint(String path) {
        OperatorClient.Created shop = OperatorClient.newOperator(base, "https://shop.example.com");
        customer(shop);
        assertEquals(201, shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url(path)
                + "\",\"events\":[\"subscription.cancellation_scheduled\"]}").status());
        return shop;
    }

    private static void customer(OperatorClient.Created shop) {
        shop.client().put("subscribers/cus_t", "{\"email\":\"trace-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Kim Lee\"}");
        shop.client().put("subscriptions/sub_t", "{\"subscriber\":\"cus_t\",\"plan\":\"" + shop.plan()
                + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\"" + TestTime.isoMidnightInDays(20)
                + "\"}");
    }
}
