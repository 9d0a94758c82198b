package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.webhook.Receiver;
import org.cancelportal.webhook.control.WebhookSignature;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An admin looks after an operator's webhook endpoints at /admin/webhooks, with JavaScript off: registers one that
 * points at a real receiver here and sees its secret once, reads its delivery log, sends deliveries again, gives it a
 * new secret, changes, switches off and removes it; every step is audited under the admin's login. A bad address is
 * named at its field and creates nothing, and nobody else gets the pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookAdminIT extends PortalInABrowser {

    private static final String CANCELLED = "subscription.cancellation_scheduled";

    OperatorClient.Created shop;
    Receiver receiver;
    TestData.Person admin;

    @Override
    boolean javascript() {
        return false;
    }

    @BeforeEach
    void operatorReceiverAndAdmin() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com");
        customer("cus_1", "sub_1");
        receiver = new Receiver();
        admin = TestData.newStaff(base, "admin");
        browser.signIn(admin.email(), admin.password());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAdminRegistersAnEndpointFollowsItsDeliveriesReplaysRotatesSwitchesOffAndRemovesIt() {
        browser.open("admin/webhooks");
        assertEquals("Operators’ webhook endpoints", browser.heading());
        browser.choose("operator", shopName() + " (" + shop.code() + ")");
        browser.press("Show endpoints");
        assertTrue(browser.textOf("no-endpoints").contains("no webhook endpoints yet"), browser.text());

        browser.field("register:url").sendKeys(receiver.url("/hooks"));
        browser.field("register:description").sendKeys("Billing");
        event("register", CANCELLED).click();
        browser.press("Add endpoint");
        assertEquals("Webhook endpoint", browser.heading(), browser.text());
        String secret = browser.textOf("secret-value");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertTrue(browser.textOf("secret").contains("We will not show it again."), browser.textOf("secret"));
        browser.screenshot("admin-webhook-secret-en-phone", Browser.PHONE);
        String endpointPage = browser.url();
        JsonObject registered = onlyEndpoint();
        assertEquals(receiver.url("/hooks"), registered.getString("url"));
        assertEquals("Billing", registered.getString("description"));
        assertEquals(List.of(CANCELLED), registered.getJsonArray("events").getValuesAs(
                jakarta.json.JsonString::getString));
        String endpoint = registered.getString("id");

        browser.openUrl(endpointPage);
        assertTrue(browser.driverFind(By.id("secret")).isEmpty(), "the secret is shown once only");
        assertFalse(browser.html().contains(secret), "nor anywhere in the page");

        cancel();
        eventually("the delivery at the receiver").until(() -> receiver.at("/hooks").size() == 1);
        String webhookId = receiver.at("/hooks").get(0).header("webhook-id");
        assertTrue(WebhookSignature.verify(secret, webhookId, Long.parseLong(receiver.at("/hooks").get(0)
                .header("webhook-timestamp")), receiver.at("/hooks").get(0).body(),
                receiver.at("/hooks").get(0).header("webhook-signature")), "signed with the secret shown");

        browser.follow("Delivery log");
        eventually("the delivery in the log, delivered").until(() -> {
            browser.refresh();
            return "Delivered".equals(statusOf(webhookId));
        });
        String logged = delivery(webhookId);
        assertTrue(logged.contains(CANCELLED), logged);
        assertTrue(logged.matches("(?s).*Attempts\\s+1\\s.*"), logged);
        assertTrue(logged.matches("(?s).*Attempt 1: .+ UTC, HTTP status 200, \\d+ ms.*"), logged);
        assertTrue(logged.contains("status 200"), "the first bytes of the answer: " + logged);
        browser.screenshot("admin-webhook-log-en-phone", Browser.PHONE);
        browser.screenshot("admin-webhook-log-en-desktop", Browser.DESKTOP);

        browser.pressIn(webhookId, "Send again");
        assertTrue(browser.text().contains("Queued for sending again. It has not been sent yet"), browser.text());
        eventually("the delivery again").until(() -> receiver.at("/hooks").size() == 2);
        assertEquals(webhookId, receiver.at("/hooks").get(1).header("webhook-id"));
        assertEquals(receiver.at("/hooks").get(0).text(), receiver.at("/hooks").get(1).text());

        browser.field("replay-since:since").sendKeys("yesterday");
        browser.press("Send all again");
        assertTrue(browser.textOf("since-problem").startsWith("We cannot read this as a time."),
                browser.text());
        browser.field("replay-since:since").clear();
        browser.field("replay-since:since").sendKeys(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
                .format(TestTime.now().minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC)));
        browser.press("Send all again");
        assertTrue(browser.text().contains("1 delivery is queued for sending again. None has been sent yet"),
                browser.text());
        eventually("everything since, again").until(() -> receiver.at("/hooks").size() == 3);
        assertEquals(webhookId, receiver.at("/hooks").get(2).header("webhook-id"));

        browser.follow("Back to the endpoint");
        browser.press("Make a new secret");
        String newSecret = browser.textOf("secret-value");
        assertTrue(newSecret.startsWith("whsec_"), newSecret);
        assertNotEquals(secret, newSecret);
        assertTrue(browser.textOf("secret-grace").contains("The old secret still signs messages until"),
                browser.textOf("secret"));
        OperatorClient.Reply replay = shop.client().post("webhook-endpoints/" + endpoint + "/deliveries/" + webhookId
                + "/replay", "");
        assertEquals(202, replay.status(), replay.body());
        eventually("a delivery signed after the rotation").until(() -> receiver.at("/hooks").size() == 4);
        Receiver.Received rotated = receiver.at("/hooks").get(3);
        long timestamp = Long.parseLong(rotated.header("webhook-timestamp"));
        assertTrue(WebhookSignature.verify(newSecret, webhookId, timestamp, rotated.body(),
                rotated.header("webhook-signature")), "signed with the new secret");
        assertTrue(WebhookSignature.verify(secret, webhookId, timestamp, rotated.body(),
                rotated.header("webhook-signature")), "and, for the grace period, with the old one");

        browser.field("change:description").clear();
        browser.field("change:description").sendKeys("Billing, second system");
        event("change", "subscription.ended").click();
        browser.press("Save changes");
        assertTrue(browser.text().contains("Saved."), browser.text());
        assertEquals("Billing, second system", onlyEndpoint().getString("description"));
        assertEquals(List.of(CANCELLED, "subscription.ended"), onlyEndpoint().getJsonArray("events")
                .getValuesAs(jakarta.json.JsonString::getString));

        browser.press("Switch off");
        assertEquals("Off: switched off by " + admin.email(), browser.textOf("state"));
        assertFalse(onlyEndpoint().getBoolean("enabled"));
        browser.press("Switch on");
        assertEquals("On: gets messages", browser.textOf("state"));
        assertTrue(onlyEndpoint().getBoolean("enabled"));

        browser.follow("Remove this endpoint");
        assertEquals("Remove this webhook endpoint?", browser.heading());
        browser.follow("Keep it and go back");
        assertEquals(1, endpoints().size(), "keeping it removes nothing");
        browser.follow("Remove this endpoint");
        browser.press("Remove endpoint");
        assertTrue(browser.text().contains("The endpoint is removed, and its delivery log with it."), browser.text());
        assertEquals(0, endpoints().size());
        assertEquals(404, shop.client().get("webhook-endpoints/" + endpoint).status());

        List<String> audit = OperatorClient.auditBy(base, admin.email());
        String forShop = "for operator:" + shop.code();
        assertEquals(List.of("WEBHOOK_ENDPOINT_CREATED  " + forShop,
                "WEBHOOK_DELIVERY_REPLAYED PENDING endpoint " + endpoint + ", " + forShop,
                "WEBHOOK_DELIVERIES_REPLAYED  1 since, " + forShop, "WEBHOOK_SECRET_ROTATED  " + forShop,
                "WEBHOOK_ENDPOINT_CHANGED  " + forShop, "WEBHOOK_ENDPOINT_CHANGED  " + forShop,
                "WEBHOOK_ENDPOINT_CHANGED  " + forShop, "WEBHOOK_ENDPOINT_DELETED  " + forShop),
                audit.stream().map(line -> line.replaceAll("since \\S+Z", "since")).toList(),
                "each admin action under the admin's login");
        assertTrue(OperatorClient.audit(base, shop.code()).stream().noneMatch(line -> line.startsWith("WEBHOOK_")
                && !line.startsWith("WEBHOOK_DELIVERY_REPLAYED")), "only the API's own replay is the operator's");
    }

    @Test
    void aBadAddressIsNamedAtItsFieldAndNothingIsCreated() {
        browser.open("admin/webhooks?operator=" + shop.code());
        browser.field("register:url").sendKeys("https://10.1.2.3/hooks");
        browser.press("Add endpoint");

        assertEquals("Operators’ webhook endpoints", browser.heading());
        assertTrue(browser.text().contains("Nothing was changed. Please check the fields marked below."));
        assertEquals("This address points into a private network (10.1.2.3). We only send to addresses on the"
                + " public internet.", browser.textOf("url-problem"));
        assertEquals("true", browser.field("register:url").getAttribute("aria-invalid"));
        assertEquals("Please choose at least one event.", browser.textOf("events-problem"));
        assertEquals("https://10.1.2.3/hooks", browser.field("register:url").getAttribute("value"),
                "what was typed stays to be corrected");
        browser.screenshot("admin-webhooks-problems-en-phone", Browser.PHONE);
        assertEquals(0, endpoints().size(), "nothing was created");
    }

    @Test
    void thePagesAreForAdminsOnly() {
        String endpoint = shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url("/hooks")
                + "\",\"events\":[\"" + CANCELLED + "\"]}").json().getString("id");
        browser.forgetSession();
        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        for (String page : List.of("admin/webhooks?operator=" + shop.code(),
                "admin/webhook?operator=" + shop.code() + "&id=" + endpoint,
                "admin/webhook-log?operator=" + shop.code() + "&id=" + endpoint)) {
            browser.open(page);
            assertEquals(403, browser.statusOfCurrentPage(), page);
            assertEquals("This page is not open to your account", browser.heading(), page);
        }
        assertEquals(1, endpoints().size());

        browser.forgetSession();
        browser.signIn(admin.email(), admin.password());
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        browser.open("admin/webhook?operator=" + other.code() + "&id=" + endpoint);
        assertEquals(404, browser.statusOfCurrentPage(), "another operator's endpoint is not found under this one");
    }

    private org.openqa.selenium.WebElement event(String form, String wireName) {
        return browser.driverFind(By.cssSelector("#" + form + "\\:events input[value='" + wireName + "']")).get(0);
    }

    /** The text of the log's section about this delivery. */
    private String delivery(String webhookId) {
        return browser.driverFind(By.cssSelector("section.delivery")).stream().map(section -> section.getText())
                .filter(text -> text.contains(webhookId)).findFirst().orElse("");
    }

    /** What the log's section about this delivery says its status is. */
    private String statusOf(String webhookId) {
        return browser.driverFind(By.cssSelector("section.delivery")).stream()
                .filter(section -> section.getText().contains(webhookId)).findFirst()
                .map(section -> section.findElement(By.cssSelector(".status")).getText()).orElse("");
    }

    private String shopName() {
        return "Shop " + shop.code().substring("op-".length());
    }

    private List<JsonObject> endpoints() {
        return shop.client().get("webhook-endpoints").json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private JsonObject onlyEndpoint() {
        List<JsonObject> all = endpoints();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    private void cancel() {
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
    }

    private void customer(String subscriber, String subscription) {
        shop.client().put("subscribers/" + subscriber, "{\"email\":\"" + subscriber + "-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Kim Lee\"}");
        shop.client().put("subscriptions/" + subscription, "{\"subscriber\":\"" + subscriber + "\",\"plan\":\""
                + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(20) + "\"}");
    }
}
