package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.PortalRestart;
import org.cancelportal.it.support.ReadmeSnippet;
import org.cancelportal.it.webhook.Receiver;
import org.cancelportal.webhook.control.WebhookSignature;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator hears of a cancellation at its own endpoint, a real HTTP server here: signed, with its own ids,
 * again under the same webhook-id after a failure, never through a redirect, and a 410 switches the endpoint off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookDeliveriesIT extends PortalOnly {

    OperatorClient.Created shop;
    Receiver receiver;

    @BeforeEach
    void operatorWithACustomerAndAReceiver() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com");
        receiver = new Receiver();
        customer(shop, "cus_1", "sub_1");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aCancellationReachesTheEndpointSignedWithTheOperatorsOwnIds() {
        String secret = endpoint("/ok", "subscription.cancellation_scheduled").getString("secret");

        String reference = cancel().getString("reference");

        eventually("the delivery").until(() -> receiver.at("/ok").size() == 1);
        Receiver.Received delivery = receiver.at("/ok").get(0);
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        assertTrue(delivery.header("webhook-id").startsWith("msg_"), delivery.headers().toString());
        assertTrue(WebhookSignature.verify(secret, delivery.header("webhook-id"), timestamp, delivery.body(),
                delivery.header("webhook-signature")), delivery.headers().toString());
        assertTrue(Math.abs(TestTime.now().getEpochSecond() - timestamp) < 600, "a timestamp of now: " + timestamp);
        JsonObject body = Json.createReader(new StringReader(delivery.text())).readObject();
        assertEquals("subscription.cancellation_scheduled", body.getString("type"));
        assertEquals("sub_1", body.getJsonObject("data").getString("subscription"));
        assertEquals("cus_1", body.getJsonObject("data").getString("subscriber"));
        assertEquals(reference, body.getJsonObject("data").getJsonObject("cancellation").getString("reference"));
    }

    /** The README's Java block, compiled as an integrator would paste it, accepts a real delivery and no altered one. */
    @Test
    void theReadmesVerificationSnippetAcceptsARealDeliveryAndRefusesATamperedOne() throws Exception {
        // the snippet compares the timestamp with the real clock, as a receiver must; a server a year ahead fails that
        org.junit.jupiter.api.Assumptions.assumeTrue(TestTime.OFFSET.isZero(), "the server's clock is the real one");
        String secret = endpoint("/snippet", "subscription.cancellation_scheduled").getString("secret");
        cancel();
        eventually("the delivery").until(() -> receiver.at("/snippet").size() == 1);
        Receiver.Received delivery = receiver.at("/snippet").get(0);

        java.lang.reflect.Method verify = ReadmeSnippet.compile("java", "WebhookCheck")
                .getMethod("verify", String.class, String.class, String.class, byte[].class, String.class);
        assertTrue((Boolean) verify.invoke(null, secret, delivery.header("webhook-id"),
                delivery.header("webhook-timestamp"), delivery.body(), delivery.header("webhook-signature")));
        byte[] tampered = delivery.text().replace("sub_1", "sub_2").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse((Boolean) verify.invoke(null, secret, delivery.header("webhook-id"),
                delivery.header("webhook-timestamp"), tampered, delivery.header("webhook-signature")));
        assertFalse((Boolean) verify.invoke(null, WebhookSignature.newSecret(), delivery.header("webhook-id"),
                delivery.header("webhook-timestamp"), delivery.body(), delivery.header("webhook-signature")));
    }

    /** One transaction writes three events of one subscription; a failed first holds the others back, in order. */
    @Test
    void aSubscriptionsEventsArriveInTheOrderTheyHappenedThoughTheFirstFails() {
        endpoint("/order", "subscription.cancellation_scheduled", "subscription.ended", "refund.due");
        receiver.answer("/order", 500, 200);

        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{\"mode\":\"IMMEDIATE\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());

        eventually("the failed first and all three after it").until(() -> receiver.at("/order").size() == 4);
        List<String> types = receiver.at("/order").stream()
                .map(received -> Json.createReader(new StringReader(received.text())).readObject().getString("type"))
                .toList();
        assertEquals(List.of("subscription.cancellation_scheduled", "subscription.cancellation_scheduled",
                "subscription.ended", "refund.due"), types, receiver.at("/order").stream().map(r -> r.header("webhook-id")
                + " " + r.text()).toList().toString());
    }

    @Test
    void aFailedDeliveryComesAgainWithTheSameIdAndBody() {
        String secret = endpoint("/flaky", "subscription.cancellation_scheduled").getString("secret");
        receiver.answer("/flaky", 500, 200);

        cancel();

        eventually("a second attempt").until(() -> receiver.at("/flaky").size() == 2);
        Receiver.Received first = receiver.at("/flaky").get(0);
        Receiver.Received again = receiver.at("/flaky").get(1);
        assertEquals(first.header("webhook-id"), again.header("webhook-id"));
        assertArrayEquals(first.body(), again.body());
        assertTrue(WebhookSignature.verify(secret, again.header("webhook-id"),
                Long.parseLong(again.header("webhook-timestamp")), again.body(), again.header("webhook-signature")));
    }

    @Test
    void anEndpointThatAnswers410IsSwitchedOff() {
        String id = endpoint("/gone", "subscription.cancellation_scheduled").getString("id");
        receiver.answer("/gone", 410);

        cancel();

        eventually("the endpoint switched off").until(() -> !shop.client().get("webhook-endpoints/" + id).json()
                .getBoolean("enabled"));
        assertEquals("The endpoint answered 410 Gone",
                shop.client().get("webhook-endpoints/" + id).json().getString("disabled_reason"));
        assertEquals(1, receiver.at("/gone").size(), "and not tried again");
    }

    @Test
    void aRedirectIsNeverFollowed() {
        String endpoint = endpoint("/moved", "subscription.cancellation_scheduled").getString("id");
        receiver.answer("/moved", 302);

        cancel();

        eventually("a second attempt, after the first was redirected").until(() -> receiver.at("/moved").size() == 2
                && onlyDelivery(endpoint).getJsonArray("attempts").size() == 2);
        assertEquals(List.of(), receiver.at("/ok"), "the redirect's target never heard a thing: " + receiver);
        assertEquals("A redirect is never followed", onlyDelivery(endpoint).getJsonArray("attempts").getJsonObject(0)
                .getString("error"));
    }

    /** The test server's schedule is 1 s, 20 s, 1 s: four attempts, then no more. */
    @Test
    void aDeliveryThatKeepsFailingIsTriedOnTheWholeScheduleThenDead() {
        String endpoint = endpoint("/failing", "subscription.cancellation_scheduled").getString("id");
        receiver.answer("/failing", 500, 503, 500, 500);

        cancel();

        eventually("dead after the schedule").until(() -> "DEAD".equals(log(endpoint).getJsonObject(0)
                .getString("status")));
        assertEquals(4, log(endpoint).getJsonObject(0).getInt("attempts"));
        assertEquals(List.of(500, 503, 500, 500), onlyDelivery(endpoint).getJsonArray("attempts").stream()
                .map(attempt -> attempt.asJsonObject().getInt("status")).toList());
        eventually("no attempt after the last").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> receiver.at("/failing").size() == 4);
        assertTrue(shop.client().get("webhook-endpoints/" + endpoint).json().getBoolean("enabled"),
                "a dead delivery does not switch the endpoint off");
    }

    /**
     * The schedule lives in the database: an application restarted between two attempts (its jobs, senders and
     * circuit breakers gone with it) makes the third attempt when it is due, under the same webhook-id, and counts
     * on from there.
     */
    @Test
    void aRestartBetweenTwoAttemptsLosesNothingOfTheSchedule() {
        String endpoint = endpoint("/restart", "subscription.cancellation_scheduled").getString("id");
        receiver.answer("/restart", 500, 500, 200);
        cancel();
        eventually("two failed attempts").until(() -> receiver.at("/restart").size() == 2);

        Instant stopped = PortalRestart.restart(() -> assertEquals(2, receiver.at("/restart").size(),
                "the third attempt waits for its turn in the schedule"));

        eventually("the third attempt, after the restart").until(() -> receiver.at("/restart").size() == 3);
        List<Receiver.Received> attempts = receiver.at("/restart");
        assertTrue(attempts.get(2).arrived().isAfter(stopped),
                "made by the application started again: arrived " + attempts.get(2).arrived() + ", stopped " + stopped);
        assertEquals(attempts.get(0).header("webhook-id"), attempts.get(2).header("webhook-id"));
        assertArrayEquals(attempts.get(0).body(), attempts.get(2).body());
        eventually("the delivery, delivered").until(() -> "DELIVERED".equals(log(endpoint).getJsonObject(0)
                .getString("status")));
        assertEquals(List.of(500, 500, 200), onlyDelivery(endpoint).getJsonArray("attempts").stream()
                .map(attempt -> attempt.asJsonObject().getInt("status")).toList());
    }

    @Test
    void anEventTheEndpointDidNotAskForIsNotSent() {
        endpoint("/ended-only", "subscription.ended");
        endpoint("/ok", "subscription.cancellation_scheduled");

        cancel();

        eventually("the other endpoint's delivery").until(() -> receiver.at("/ok").size() == 1);
        assertFalse(receiver.toString().contains("/ended-only"), receiver.toString());
    }

    /**
     * The figures go to the log (the note of the work that built this quotes them): a cancellation takes as long with
     * a receiver that keeps its answer waiting as with none, because deliveries leave through the outbox afterwards.
     */
    @Test
    void aSlowEndpointHoldsUpNeitherTheCancellationNorAnotherEndpoint() {
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        customer(other, "cus_2", "sub_2");
        customer(other, "cus_3", "sub_3");
        long withoutReceiver = timed(() -> cancel(other, "sub_3"));
        endpoint("/slow", "subscription.cancellation_scheduled");
        endpoint(other, "/fast", "subscription.cancellation_scheduled");
        receiver.hold("/slow");

        long withSlowReceiver = timed(() -> cancel(shop, "sub_1"));
        eventually("the slow endpoint's delivery, held").until(() -> receiver.waiting("/slow") == 1);
        cancel(other, "sub_2");

        // sub_3's cancellation may reach /fast too: the endpoint was registered before its event was handed on. The
        // wait is shorter than the test server's read timeout (60 s), within which the slow request stays open.
        eventually("the other endpoint's delivery, while the slow one waits").atMost(Duration.ofSeconds(45)).until(
                () -> receiver.at("/fast").stream().anyMatch(delivery -> delivery.text().contains("\"sub_2\"")));
        assertEquals(1, receiver.waiting("/slow"), "the slow one still waits for its answer");
        receiver.release();
        System.out.printf("Cancel latency: %d ms with no webhook endpoint, %d ms with an endpoint that keeps its"
                + " answer waiting%n", withoutReceiver, withSlowReceiver);
    }

    @Test
    void afterFiveFailuresInARowAnEndpointIsLeftAloneForAWhile() {
        endpoint("/down", "subscription.cancellation_scheduled");
        receiver.answer("/down", 500);
        for (int i = 2; i <= 4; i++) {
            customer(shop, "cus_" + i, "sub_" + i);
        }

        for (int i = 1; i <= 4; i++) {
            cancel(shop, "sub_" + i);
        }

        eventually("five failed attempts").until(() -> receiver.at("/down").size() >= 5);
        // Four deliveries on a one-second schedule would make sixteen attempts in a few seconds; the open circuit
        // holds the rest back for a minute.
        eventually("no attempt while the circuit is open").during(Duration.ofSeconds(8))
                .atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/down").size() == 5);
    }

    @Test
    void theLogShowsEachAttemptAndAReplaySendsTheDeliveryAgain() {
        String endpoint = endpoint("/flaky", "subscription.cancellation_scheduled").getString("id");
        receiver.answer("/flaky", 500, 200);
        Instant before = TestTime.now().minusSeconds(3600);
        cancel();
        eventually("the delivery, delivered").until(() -> receiver.at("/flaky").size() == 2
                && "DELIVERED".equals(log(endpoint).getJsonObject(0).getString("status")));

        JsonObject delivery = log(endpoint).getJsonObject(0);
        assertEquals("subscription.cancellation_scheduled", delivery.getString("type"));
        assertEquals(2, delivery.getInt("attempts"));
        String id = delivery.getString("id");
        var attempts = shop.client().get("webhook-endpoints/" + endpoint + "/deliveries/" + id).json()
                .getJsonArray("attempts");
        assertEquals(500, attempts.getJsonObject(0).getInt("status"));
        assertEquals("status 500", attempts.getJsonObject(0).getString("response"));
        assertEquals(200, attempts.getJsonObject(1).getInt("status"));

        assertEquals(202, shop.client().post("webhook-endpoints/" + endpoint + "/deliveries/" + id + "/replay", "")
                .status());
        eventually("the replay").until(() -> receiver.at("/flaky").size() == 3);
        assertEquals(id, receiver.at("/flaky").get(2).header("webhook-id"));

        OperatorClient.Reply since = shop.client().post("webhook-endpoints/" + endpoint
                + "/deliveries/replay?since=" + before, "");
        assertEquals(1, since.json().getInt("replayed"), since.body());
        eventually("the replay of everything since").until(() -> receiver.at("/flaky").size() == 4);

        OperatorClient other = OperatorClient.newOperator(base, "https://other.example.com").client();
        assertEquals(404, other.get("webhook-endpoints/" + endpoint + "/deliveries").status());
        assertEquals(404, other.get("webhook-endpoints/" + endpoint + "/deliveries/" + id).status());
        assertEquals(404, other.post("webhook-endpoints/" + endpoint + "/deliveries/" + id + "/replay", "").status());
        assertEquals(400, shop.client().post("webhook-endpoints/" + endpoint + "/deliveries/replay?since=yesterday",
                "").status());
    }

    /** The endpoint's one delivery, with its attempts. */
    private JsonObject onlyDelivery(String endpoint) {
        jakarta.json.JsonArray items = log(endpoint);
        assertEquals(1, items.size(), items.toString());
        return shop.client().get("webhook-endpoints/" + endpoint + "/deliveries/" + items.getJsonObject(0)
                .getString("id")).json();
    }

    private jakarta.json.JsonArray log(String endpoint) {
        return shop.client().get("webhook-endpoints/" + endpoint + "/deliveries").json().getJsonArray("items");
    }

    private JsonObject endpoint(String path, String... events) {
        return endpoint(shop, path, events);
    }

    private JsonObject endpoint(OperatorClient.Created operator, String path, String... events) {
        OperatorClient.Reply created = operator.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url(path)
                + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private JsonObject cancel() {
        return cancel(shop, "sub_1");
    }

    private static JsonObject cancel(OperatorClient.Created operator, String subscription) {
        OperatorClient.Reply cancelled = operator.client().post("subscriptions/" + subscription + "/cancel", "{}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        return cancelled.json();
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void customer(OperatorClient.Created operator, String subscriber, String subscription) {
        operator.client().put("subscribers/" + subscriber, "{\"email\":\"" + subscriber + "-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Kim Lee\"}");
        operator.client().put("subscriptions/" + subscription, "{\"subscriber\":\"" + subscriber + "\",\"plan\":\""
                + operator.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(20) + "\"}");
    }
}
