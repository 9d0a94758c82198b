package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.cancelportal.it.api.OperatorClient;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An operator registers, changes, switches off, rotates and removes its webhook endpoints, and only its own. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookEndpointsIT extends PortalOnly {

    private static final String RECEIVER = "http://127.0.0.1:9/hooks";

    OperatorClient shop;

    @BeforeEach
    void operator() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com").client();
    }

    @Test
    void theSecretIsShownOnceWhenTheEndpointIsMadeAndNeverInAList() {
        OperatorClient.Reply created = register(shop, "subscription.cancellation_scheduled", "refund.due");

        assertEquals(201, created.status(), created.body());
        JsonObject endpoint = created.json();
        assertTrue(endpoint.getString("secret").startsWith("whsec_"), created.body());
        assertEquals(List.of("subscription.cancellation_scheduled", "refund.due"),
                endpoint.getJsonArray("events").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(endpoint.getBoolean("enabled"));

        OperatorClient.Reply listed = shop.get("webhook-endpoints");
        assertEquals(200, listed.status());
        assertEquals(1, listed.json().getJsonArray("items").size());
        assertFalse(listed.body().contains("whsec_"), listed.body());
        assertFalse(shop.get("webhook-endpoints/" + endpoint.getString("id")).body().contains("whsec_"));
    }

    @Test
    void badFieldsAreEachNamedAndNothingIsRegistered() {
        OperatorClient.Reply unknown = shop.post("webhook-endpoints",
                "{\"url\":\"https://10.1.2.3/hooks\",\"events\":\"refund.due\",\"colour\":1}");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(List.of("colour", "events"), unknown.named(), "the body's form first: " + unknown.body());

        OperatorClient.Reply refused = shop.post("webhook-endpoints",
                "{\"url\":\"https://10.1.2.3/hooks\",\"events\":[\"subscription.cancelled_maybe\"]}");

        assertEquals(400, refused.status(), refused.body());
        assertEquals(List.of("events", "url"), refused.named(), refused.body());
        assertTrue(refused.body().contains("private network"), refused.body());
        assertTrue(refused.body().contains("subscription.cancellation_scheduled"), "names the events there are");
        assertEquals(0, shop.get("webhook-endpoints").json().getJsonArray("items").size());

        OperatorClient.Reply plain = shop.post("webhook-endpoints",
                "{\"url\":\"http://93.184.216.34/x\",\"events\":[\"refund.due\"]}");
        assertEquals(400, plain.status(), plain.body());
        assertTrue(plain.body().contains("https"), plain.body());
    }

    @Test
    void anEndpointIsChangedSwitchedOffAndOnAndRemoved() {
        String id = register(shop, "subscription.ended").json().getString("id");

        OperatorClient.Reply changed = shop.patch("webhook-endpoints/" + id,
                "{\"events\":[\"subscription.ended\",\"refund.overdue\"],\"description\":\"Billing\",\"enabled\":false}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("Billing", changed.json().getString("description"));
        assertEquals(2, changed.json().getJsonArray("events").size());
        assertFalse(changed.json().getBoolean("enabled"));
        assertEquals("Switched off by the operator", changed.json().getString("disabled_reason"));

        assertTrue(shop.patch("webhook-endpoints/" + id, "{\"enabled\":true}").json().getBoolean("enabled"));
        assertEquals(204, shop.delete("webhook-endpoints/" + id).status());
        assertEquals(404, shop.get("webhook-endpoints/" + id).status());
    }

    @Test
    void aRotationGivesANewSecretAndSaysUntilWhenTheOldOneSigns() {
        JsonObject endpoint = register(shop, "refund.due").json();

        OperatorClient.Reply rotated = shop.post("webhook-endpoints/" + endpoint.getString("id") + "/rotate-secret",
                "");

        assertEquals(200, rotated.status(), rotated.body());
        assertTrue(rotated.json().getString("secret").startsWith("whsec_"));
        assertFalse(rotated.json().getString("secret").equals(endpoint.getString("secret")));
        java.time.Duration grace = java.time.Duration.between(java.time.Instant.parse(endpoint.getString("created_at")),
                java.time.Instant.parse(rotated.json().getString("previous_secret_valid_until")));
        assertTrue(grace.toHours() >= 23 && grace.toHours() <= 24, grace.toString());
    }

    @Test
    void anotherOperatorNeitherSeesNorTouchesTheEndpoints() {
        String id = register(shop, "refund.due").json().getString("id");
        OperatorClient other = OperatorClient.newOperator(base, "https://other.example.com").client();

        assertEquals(0, other.get("webhook-endpoints").json().getJsonArray("items").size());
        assertEquals(404, other.get("webhook-endpoints/" + id).status());
        assertEquals(404, other.patch("webhook-endpoints/" + id, "{\"enabled\":false}").status());
        assertEquals(404, other.post("webhook-endpoints/" + id + "/rotate-secret", "").status());
        assertEquals(404, other.delete("webhook-endpoints/" + id).status());
        assertTrue(shop.get("webhook-endpoints/" + id).json().getBoolean("enabled"), "untouched");
    }

    private static OperatorClient.Reply register(OperatorClient operator, String... events) {
        return operator.post("webhook-endpoints", "{\"url\":\"" + RECEIVER + "\",\"events\":[\""
                + String.join("\",\"", events) + "\"]}");
    }
}
