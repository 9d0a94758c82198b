package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.Together;
import org.cancelportal.it.api.OperatorClient.Reply;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator API as an operator's billing system meets it over HTTP: every endpoint's success and errors, keys and
 * their rotation, idempotency, paging, and that one operator can neither read nor touch another's records.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorApiIT extends PortalOnly {

    private static final String PROBLEM = "application/problem+json";

    /** Days from today: the period paid now, and the next one; dates follow the test clock, never the calendar. */
    private static final long THIS_PERIOD_START = -10;
    private static final long THIS_PERIOD_END = 20;
    private static final long NEXT_PERIOD_END = 51;

    OperatorClient.Created shop;
    OperatorClient api;

    @BeforeEach
    void newOperator() {
        shop = OperatorClient.newOperator(base, "https://other.example.com");
        api = shop.client();
    }

    @Test
    void withoutAValidKeyNothingIsAnswered() {
        for (OperatorClient stranger : List.of(new OperatorClient(base, null), new OperatorClient(base, "made-up"))) {
            Reply reply = stranger.get("subscriptions");
            assertEquals(401, reply.status());
            assertTrue(reply.contentType().startsWith(PROBLEM), reply.contentType());
            assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
    }

    @Test
    void aSubscriberIsCreatedOnceAndUpdatedInPlace() {
        String body = "{\"email\":\"mia-" + UUID.randomUUID() + "@example.com\",\"name\":\"Mia Berg\","
                + "\"locale\":\"de\",\"time_zone\":\"Europe/Berlin\"}";
        Reply created = api.put("subscribers/cus_1", body);
        assertEquals(201, created.status(), created.body());
        assertEquals("cus_1", created.json().getString("id"));
        Reply again = api.put("subscribers/cus_1", body);
        assertEquals(200, again.status(), "the same body again changes nothing");
        assertEquals(created.json(), again.json());

        Reply renamed = api.put("subscribers/cus_1", body.replace("Mia Berg", "Mia Stein"));
        assertEquals(200, renamed.status());
        assertEquals("Mia Stein", api.get("subscribers/cus_1").json().getString("name"));
        assertTrue(OperatorClient.audit(base, shop.code()).stream()
                .anyMatch(line -> line.startsWith("SUBSCRIBER_UPDATED")), "the change is audited");
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsStored() {
        Reply reply = api.put("subscribers/cus_bad", "{\"email\":\"not an address\",\"name\":\"\",\"locale\":\"fr\","
                + "\"time_zone\":\"Mars/Olympus\",\"colour\":\"red\"}");
        assertEquals(400, reply.status());
        assertTrue(reply.contentType().startsWith(PROBLEM));
        assertEquals(List.of("colour", "email", "locale", "name", "time_zone"), reply.named(), reply.body());
        assertEquals(404, api.get("subscribers/cus_bad").status(), "nothing was created");

        Reply notJson = api.put("subscribers/cus_bad", "{\"email\": ");
        assertEquals(400, notJson.status());
        assertEquals(List.of("body"), notJson.named());

        Reply noSuchCall = api.get("customers");
        assertEquals(404, noSuchCall.status());
        assertTrue(noSuchCall.contentType().startsWith(PROBLEM), "every error is a problem: " + noSuchCall.body());

        Reply badId = api.put("subscribers/" + "x".repeat(101), "{\"email\":\"a@example.com\",\"name\":\"A\"}");
        assertEquals(400, badId.status());
        assertEquals(List.of("externalId"), badId.named());
    }

    @Test
    void aSubscriptionNeedsItsSubscriberAndPlan() {
        Reply orphan = api.put("subscriptions/sub_1", subscription("cus_nobody", "no-such-plan", THIS_PERIOD_START,
                THIS_PERIOD_END));
        assertEquals(400, orphan.status());
        assertEquals(List.of("plan", "subscriber"), orphan.named(), orphan.body());

        Reply missing = api.put("subscriptions/sub_1", "{\"plan\":\"" + shop.plan() + "\",\"started_at\":\"yesterday\"}");
        assertEquals(400, missing.status());
        assertEquals(List.of("current_period_end", "current_period_start", "started_at", "subscriber"),
                missing.named(), missing.body());

        subscriber("cus_2");
        Reply backwards = api.put("subscriptions/sub_1", subscription("cus_2", shop.plan(), THIS_PERIOD_END,
                THIS_PERIOD_START));
        assertEquals(400, backwards.status());
        assertEquals(List.of("current_period_end"), backwards.named());
        assertEquals(404, api.get("subscriptions/sub_1").status());
    }

    @Test
    void aSubscriptionIsCreatedRenewedAndStaysWithItsSubscriber() {
        subscriber("cus_3");
        subscriber("cus_4");
        Reply created = api.put("subscriptions/sub_3", subscription("cus_3", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        assertEquals(201, created.status(), created.body());
        assertEquals("ACTIVE", created.json().getString("status"));
        assertEquals(JsonValue.NULL, created.json().get("cancellation"));
        assertEquals(200, api.put("subscriptions/sub_3", subscription("cus_3", shop.plan(), THIS_PERIOD_START,
                THIS_PERIOD_END)).status());

        Reply renewed = api.put("subscriptions/sub_3", subscription("cus_3", shop.plan(), THIS_PERIOD_END, NEXT_PERIOD_END));
        assertEquals(200, renewed.status());
        assertEquals(TestTime.isoMidnightInDays(NEXT_PERIOD_END), api.get("subscriptions/sub_3").json().getString("current_period_end"));

        Reply moved = api.put("subscriptions/sub_3", subscription("cus_4", shop.plan(), THIS_PERIOD_END, NEXT_PERIOD_END));
        assertEquals(409, moved.status());
        assertEquals(List.of("subscriber"), moved.named());
        assertEquals("cus_3", api.get("subscriptions/sub_3").json().getString("subscriber"));
    }

    @Test
    void cancellingNeedsAnIdempotencyKeyAndHappensOnce() {
        subscriber("cus_5");
        api.put("subscriptions/sub_5", subscription("cus_5", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));

        Reply withoutKey = api.post("subscriptions/sub_5/cancel", "{}");
        assertEquals(400, withoutKey.status());
        assertEquals(List.of("Idempotency-Key"), withoutKey.named());

        Reply first = api.post("subscriptions/sub_5/cancel", "{}", "Idempotency-Key", "k-1");
        assertEquals(201, first.status(), first.body());
        String reference = first.json().getString("reference");
        assertEquals("API", first.json().getString("channel"));
        assertEquals(TestTime.isoMidnightInDays(THIS_PERIOD_END), first.json().getString("effective_at"), "to the end of the period paid");
        assertFalse(first.header("Idempotent-Replayed").isPresent());

        Reply replay = api.post("subscriptions/sub_5/cancel", "{}", "Idempotency-Key", "k-1");
        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body(), "the first answer, again");
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(""));

        Reply mismatch = api.post("subscriptions/sub_5/cancel", "{\"mode\":\"IMMEDIATE\"}", "Idempotency-Key", "k-1");
        assertEquals(422, mismatch.status());
        assertEquals(List.of("Idempotency-Key"), mismatch.named());

        Reply otherKey = api.post("subscriptions/sub_5/cancel", "{}", "Idempotency-Key", "k-2");
        assertEquals(200, otherKey.status(), "already cancelled: the one cancellation in force");
        assertEquals(reference, otherKey.json().getString("reference"));

        JsonObject subscription = api.get("subscriptions/sub_5").json();
        assertEquals("CANCELLATION_SCHEDULED", subscription.getString("status"));
        assertEquals(reference, subscription.getJsonObject("cancellation").getString("reference"));
        List<JsonObject> cancellations = api.get("cancellations").json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(1, cancellations.size());
        assertEquals(reference, cancellations.get(0).getString("reference"));
    }

    @Test
    void idempotencyKeysAreForgottenAfter24Hours() {
        subscriber("cus_11");
        api.put("subscriptions/sub_11", subscription("cus_11", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        String reference = api.post("subscriptions/sub_11/cancel", "{}", "Idempotency-Key", "old")
                .json().getString("reference");
        OperatorClient.ageIdempotencyKeys(base, shop.code());

        Reply reused = api.post("subscriptions/sub_11/cancel", "{\"mode\":\"IMMEDIATE\"}", "Idempotency-Key", "old");
        assertEquals(200, reused.status(), "a new request now, not a mismatch: " + reused.body());
        assertFalse(reused.header("Idempotent-Replayed").isPresent());
        assertEquals(reference, reused.json().getString("reference"), "still the one cancellation in force");
    }

    @Test
    void retriesSentAtOnceCancelOnce() throws Exception {
        subscriber("cus_6");
        api.put("subscriptions/sub_6", subscription("cus_6", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Together.Outcome<Reply> outcome;
        try {
            outcome = Together.run(6, pool,
                    i -> () -> api.post("subscriptions/sub_6/cancel", "{}", "Idempotency-Key", "same"));
        } finally {
            pool.shutdown();
        }
        assertTrue(outcome.mostInFlight() >= 2, "the calls overlapped: " + outcome.mostInFlight() + " at once");
        Set<String> bodies = new HashSet<>();
        int replayed = 0;
        for (Reply reply : outcome.answers()) {
            assertEquals(201, reply.status(), reply.body());
            bodies.add(reply.body());
            replayed += reply.header("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(1, bodies.size(), "every retry got the same answer");
        assertEquals(5, replayed, "one request did the work, five replayed it");
        assertEquals(1, api.get("cancellations").json().getJsonArray("items").size());
    }

    @Test
    void anUnknownModeOrSubscriptionIsRefused() {
        Reply unknown = api.post("subscriptions/sub_nothing/cancel", "{}", "Idempotency-Key", "k-404");
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith(PROBLEM));
        subscriber("cus_7");
        api.put("subscriptions/sub_7", subscription("cus_7", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        Reply badMode = api.post("subscriptions/sub_7/cancel", "{\"mode\":\"SOMETIME\"}", "Idempotency-Key", "k-m");
        assertEquals(400, badMode.status());
        assertEquals(List.of("mode"), badMode.named());
        assertEquals("ACTIVE", api.get("subscriptions/sub_7").json().getString("status"), "nothing was done");
    }

    @Test
    void listsComeInPagesWithEveryRowOnce() {
        subscriber("cus_8");
        for (int i = 1; i <= 5; i++) {
            api.put("subscriptions/p" + i, subscription("cus_8", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = api.get("subscriptions?limit=2" + (cursor == null ? "" : "&after=" + cursor)).json();
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> seen.add(item.getString("id")));
            cursor = page.isNull("next_cursor") ? null : page.getString("next_cursor");
            if (pages++ == 0) { // a new subscription arrives while the operator pages through
                api.put("subscriptions/p6", subscription("cus_8", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
            }
        } while (cursor != null);
        assertEquals(List.of("p1", "p2", "p3", "p4", "p5", "p6"), seen);
        assertEquals(3, pages);

        Reply bad = api.get("subscriptions?limit=1000&after=abc");
        assertEquals(400, bad.status());
        assertEquals(List.of("after", "limit"), bad.named());
    }

    @Test
    void oneOperatorNeitherSeesNorTouchesAnothers() {
        subscriber("cus_9");
        api.put("subscriptions/sub_9", subscription("cus_9", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        OperatorClient other = OperatorClient.newOperator(base, "https://other.example.com").client();

        assertEquals(404, other.get("subscriptions/sub_9").status());
        assertEquals(404, other.get("subscribers/cus_9").status());
        assertEquals(0, other.get("subscriptions").json().getJsonArray("items").size());
        assertEquals(404, other.post("subscriptions/sub_9/cancel", "{}", "Idempotency-Key", "x").status());
        assertEquals(400, other.post("portal-sessions", "{\"subscriber\":\"cus_9\",\"return_url\":"
                + "\"https://other.example.com/\"}").status());
        // the same ids are the other operator's own namespace: a record of its own, not a way into ours
        assertEquals(201, other.put("subscribers/cus_9", "{\"email\":\"someone@example.com\",\"name\":\"Sam\"}")
                .status());
        assertEquals("ACTIVE", api.get("subscriptions/sub_9").json().getString("status"));
        assertNotEquals("Sam", api.get("subscribers/cus_9").json().getString("name"));
    }

    @Test
    void portalSessionsOnlyReturnToTheOperatorsOrigins() {
        subscriber("cus_10");
        api.put("subscriptions/sub_10", subscription("cus_10", shop.plan(), THIS_PERIOD_START, THIS_PERIOD_END));
        for (String foreign : List.of("https://evil.example.com/", "//evil.example.com/", "/account",
                "javascript:alert(1)", "https://shop.example.com.evil.example/", "https://user@evil.example.com/",
                "http://shop.example.com/")) {
            Reply reply = api.post("portal-sessions", "{\"subscriber\":\"cus_10\",\"return_url\":\"" + foreign + "\"}");
            assertEquals(400, reply.status(), foreign);
            assertEquals(List.of("return_url"), reply.named(), foreign);
        }
        Reply noSubscription = api.post("portal-sessions", "{\"subscriber\":\"cus_10\",\"flow\":\"cancel\","
                + "\"return_url\":\"https://shop.example.com/account\"}");
        assertEquals(List.of("subscription"), noSubscription.named());

        Reply opened = api.post("portal-sessions", "{\"subscriber\":\"cus_10\",\"subscription\":\"sub_10\","
                + "\"flow\":\"cancel\",\"return_url\":\"https://shop.example.com/account?tab=billing\"}");
        assertEquals(201, opened.status(), opened.body());
        assertTrue(opened.json().getString("url").contains("/portal-session?token="));
    }

    @Test
    void keysRotateWithTheCurrentAndPreviousAccepted() {
        String second = api.post("api-keys/rotate", "").json().getString("api_key");
        OperatorClient withSecond = new OperatorClient(base, second);
        assertEquals(200, api.get("subscriptions").status(), "the previous key still works");
        assertEquals(200, withSecond.get("subscriptions").status());

        String third = withSecond.post("api-keys/rotate", "").json().getString("api_key");
        assertEquals(401, api.get("subscriptions").status(), "two rotations later the first key is gone");
        assertEquals(200, withSecond.get("subscriptions").status());
        assertEquals(200, new OperatorClient(base, third).get("subscriptions").status());
    }

    @Test
    void everyCallIsAuditedWithTheOperatorsIdentity() {
        api.get("subscriptions?limit=3");
        api.get("subscriptions/none");
        List<String> audit = OperatorClient.audit(base, shop.code());
        assertTrue(audit.contains("API_CALL 200 GET /api/v1/subscriptions?limit=3"), audit.toString());
        assertTrue(audit.contains("API_CALL 404 GET /api/v1/subscriptions/none"), audit.toString());
    }

    private void subscriber(String id) {
        Reply reply = api.put("subscribers/" + id, "{\"email\":\"" + id + "-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Test Person\"}");
        assertEquals(201, reply.status(), reply.body());
    }

    /** A subscription that started about a year ago; its period runs between midnights so many days from today. */
    private static String subscription(String subscriber, String plan, long periodStart, long periodEnd) {
        return "{\"subscriber\":\"" + subscriber + "\",\"plan\":\"" + plan + "\",\"started_at\":\""
                + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(periodStart) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(periodEnd) + "\"}";
    }
}
