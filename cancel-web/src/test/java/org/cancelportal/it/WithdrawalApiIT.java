package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.webhook.Receiver;
import org.cancelportal.webhook.control.WebhookSignature;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Withdrawals through the operator API: made once per Idempotency-Key and per subscription, read back at their own
 * address and on the subscription, refused in words that say why, and announced to the operator's endpoints as
 * subscription.withdrawn, signed, never as a cancellation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WithdrawalApiIT extends PortalOnly {

    OperatorClient.Created shop;
    Receiver receiver;

    @BeforeEach
    void operatorAndReceiver() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com");
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aWithdrawalHappensOnceAndReachesTheEndpointAsItsOwnSignedEvent() {
        String secret = endpoint("/hooks", "subscription.withdrawn", "subscription.cancellation_scheduled",
                "subscription.ended").getString("secret");
        // made 10 days ago for €9.99 a 30-day period, with the service started at the consumer's request
        OperatorClient.Reply put = customer("cus_1", "sub_1", -10, ",\"service_start_requested\":true");
        assertTrue(put.json().getBoolean("service_start_requested"), put.body());
        assertTrue(put.json().isNull("withdrawal"), put.body());

        OperatorClient.Reply noKey = shop.client().post("subscriptions/sub_1/withdraw", "{}");
        assertEquals(400, noKey.status(), noKey.body());

        String key = UUID.randomUUID().toString();
        OperatorClient.Reply made = shop.client().post("subscriptions/sub_1/withdraw", "", "Idempotency-Key", key);
        assertEquals(201, made.status(), made.body());
        JsonObject withdrawal = made.json();
        String reference = withdrawal.getString("reference");
        assertTrue(reference.matches("WD-[0-9A-Z]{4}-[0-9A-Z]{4}"), reference);
        assertEquals("sub_1", withdrawal.getString("subscription"));
        assertEquals("API", withdrawal.getString("channel"));
        JsonObject refund = withdrawal.getJsonObject("refund");
        assertEquals("6.66", refund.getString("amount"), "9.99 less 10 of 30 days: " + refund);
        assertEquals("EUR", refund.getString("currency"));
        assertEquals("9.99", refund.getString("paid"));
        assertEquals("proportional", refund.getString("basis"));
        assertEquals(10, refund.getInt("days_used"));
        assertEquals(30, refund.getInt("period_days"));

        OperatorClient.Reply replay = shop.client().post("subscriptions/sub_1/withdraw", "", "Idempotency-Key", key);
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(null));
        OperatorClient.Reply again = shop.client().post("subscriptions/sub_1/withdraw", "", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(200, again.status(), "withdrawn from already: " + again.body());
        assertEquals(reference, again.json().getString("reference"));

        assertEquals(reference, shop.client().get("withdrawals/" + reference).json().getString("reference"));
        JsonObject subscription = shop.client().get("subscriptions/sub_1").json();
        assertEquals("WITHDRAWN", subscription.getString("status"));
        assertEquals(reference, subscription.getJsonObject("withdrawal").getString("reference"));
        assertTrue(subscription.isNull("cancellation"), "a withdrawal is not a cancellation: " + subscription);

        eventually("the withdrawal's delivery").until(() -> receiver.at("/hooks").size() == 1);
        Receiver.Received delivery = receiver.at("/hooks").get(0);
        assertTrue(WebhookSignature.verify(secret, delivery.header("webhook-id"),
                Long.parseLong(delivery.header("webhook-timestamp")), delivery.body(),
                delivery.header("webhook-signature")), delivery.headers().toString());
        JsonObject body = Json.createReader(new StringReader(delivery.text())).readObject();
        assertEquals("subscription.withdrawn", body.getString("type"));
        JsonObject data = body.getJsonObject("data");
        assertEquals("sub_1", data.getString("subscription"));
        assertEquals("cus_1", data.getString("subscriber"));
        assertTrue(!data.containsKey("cancellation"), data.toString());
        assertEquals(reference, data.getJsonObject("withdrawal").getString("reference"));
        assertEquals("6.66", data.getJsonObject("withdrawal").getJsonObject("refund").getString("amount"));

        // a later event to the same endpoint is the witness that no second delivery of the withdrawal was owed
        customer("cus_2", "sub_2", -3, "");
        shop.client().post("subscriptions/sub_2/cancel", "{}", "Idempotency-Key", UUID.randomUUID().toString());
        eventually("the witness").until(() -> receiver.at("/hooks").size() == 2);
        assertEquals(List.of("subscription.withdrawn", "subscription.cancellation_scheduled"),
                receiver.at("/hooks").stream().map(received -> Json.createReader(new StringReader(received.text()))
                        .readObject().getString("type")).toList());
    }

    @Test
    void aWithdrawalThatIsNotPossibleIsRefusedInWordsThatSayWhyAndChangesNothing() {
        customer("cus_1", "old", -330, "");
        OperatorClient.Reply late = withdraw("old");
        assertEquals(409, late.status(), late.body());
        assertEquals("application/problem+json", late.contentType());
        assertEquals("outside_withdrawal_period", late.json().getJsonArray("errors").getJsonObject(0)
                .getString("reason"));
        assertEquals("ACTIVE", shop.client().get("subscriptions/old").json().getString("status"));

        customer("cus_1", "ended", -5, "");
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/ended/cancel", "{\"mode\":\"IMMEDIATE\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        OperatorClient.Reply ended = withdraw("ended");
        assertEquals(409, ended.status(), ended.body());
        assertEquals("already_ended", ended.json().getJsonArray("errors").getJsonObject(0).getString("reason"));

        assertEquals(404, withdraw("nobody").status());
        customer("cus_1", "mine", -1, "");
        String reference = withdraw("mine").json().getString("reference");
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        assertEquals(404, other.client().get("withdrawals/" + reference).status(), "another operator's");
        assertEquals(404, other.client().post("subscriptions/mine/withdraw", "", "Idempotency-Key",
                UUID.randomUUID().toString()).status());

        OperatorClient.Reply bad = shop.client().put("subscriptions/mine", subscriptionBody("cus_1", -1,
                ",\"service_start_requested\":\"yes\""));
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.named().contains("service_start_requested"), bad.body());
    }

    private OperatorClient.Reply withdraw(String subscription) {
        return shop.client().post("subscriptions/" + subscription + "/withdraw", "", "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    private JsonObject endpoint(String path, String... events) {
        OperatorClient.Reply created = shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url(path)
                + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** A customer whose contract was made (and whose 30-day period began) that many days from today. */
    private OperatorClient.Reply customer(String subscriber, String subscription, int startedInDays, String extra) {
        shop.client().put("subscribers/" + subscriber, "{\"email\":\"" + subscriber + "-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Kim Lee\"}");
        OperatorClient.Reply put = shop.client().put("subscriptions/" + subscription,
                subscriptionBody(subscriber, startedInDays, extra));
        assertTrue(put.status() == 200 || put.status() == 201, put.body());
        return put;
    }

    private String subscriptionBody(String subscriber, int startedInDays, String extra) {
        return "{\"subscriber\":\"" + subscriber + "\",\"plan\":\"" + shop.plan() + "\",\"started_at\":\""
                + TestTime.isoMidnightInDays(startedInDays) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(startedInDays) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(startedInDays + 30) + "\"" + extra + "}";
    }
}
