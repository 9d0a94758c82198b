package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.mail.RefusingMailServer;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A delivery that always fails walks the whole backoff schedule, no attempt sooner than the schedule allows, ends as
 * given up, shows on the admin's pages, and the admin's retry delivers it once the neighbour is back. The schedules
 * are the test server's (see its server.xml), fixed for the whole run: an email is tried outbox.max-attempts (10)
 * times, outbox.backoff-initial-seconds = backoff-max-seconds = 1 s apart; a webhook on webhooks.retry-schedule
 * 1 s, 20 s, 1 s, so four attempts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetriesExhaustedIT extends PortalInABrowser {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String RECEIPTS = "receipt-email";
    private static final int EMAIL_ATTEMPTS = 10;
    private static final List<Duration> EMAIL_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final List<Duration> WEBHOOK_WAITS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(20),
            Duration.ofSeconds(1));

    @Override
    boolean javascript() {
        return false;
    }

    @Test
    void anEmailTheMailServerAlwaysRefusesIsTriedOnTheScheduleGivenUpListedAndSentOnceByTheAdminsRetry() {
        SMTP.stop();
        TestData.Person person = TestData.newSubscriber(base);
        List<RefusingMailServer.Attempt> attempts;
        try (RefusingMailServer refusing = new RefusingMailServer(TestServer.MAIL_PORT)) {
            TestData.cancelAsSubscriber(base, person, "END_OF_PERIOD");

            eventually("the receipt given up").until(() -> receiptDelivery(person).contains(" DEAD "));
            eventually("no attempt after the last").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> refusing.attempts(person.email(), RECEIPTS).size() == EMAIL_ATTEMPTS);
            attempts = refusing.attempts(person.email(), RECEIPTS);
        }
        assertEquals(1, attempts.stream().map(RefusingMailServer.Attempt::messageId).distinct().count(),
                "one message, tried again: " + attempts);
        assertNotSooner(EMAIL_WAITS, attempts.stream().map(RefusingMailServer.Attempt::arrived).toList());

        SMTP.start();
        TestData.Person admin = TestData.newStaff(base, "admin");
        browser.signIn(admin.email(), admin.password());
        browser.open("admin/deliveries");
        String listed = section("section.card", "Subscription " + person.subscriptionId() + "\n");
        assertTrue(listed.matches("(?s).*Attempts\\s+" + EMAIL_ATTEMPTS + "\\s.*"), listed);
        browser.pressIn("Subscription " + person.subscriptionId() + "\n", "Try again");
        assertTrue(browser.text().contains("Queued again"), browser.text());

        TestData.awaitDelivered(base, person.email(), RECEIPTS, 1);
        eventually("exactly one receipt").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> SMTP.getReceivedMessagesForDomain(person.email()).length == 1);
        browser.refresh();
        assertTrue(section("section.card", "Subscription " + person.subscriptionId() + "\n").isEmpty(),
                "no longer listed: " + browser.text());
    }

    @Test
    void aWebhookTheReceiverAlwaysRefusesIsTriedOnTheScheduleGivenUpShownAndSentOnceByTheAdminsRetry() {
        OperatorClient.Created shop = OperatorClient.newOperator(base, "https://shop.example.com");
        shop.customer("cus_1", "sub_1");
        try (Receiver receiver = new Receiver()) {
            // every attempt of the schedule is refused; the receiver is back only for an attempt after those
            receiver.answer("/failing", 500, 500, 500, 500, 200);
            OperatorClient.Reply created = shop.client().post("webhook-endpoints", "{\"url\":\""
                    + receiver.url("/failing") + "\",\"events\":[\"subscription.cancellation_scheduled\"]}");
            assertEquals(201, created.status(), created.body());
            String endpoint = created.json().getString("id");
            OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{}", "Idempotency-Key",
                    UUID.randomUUID().toString());
            assertEquals(201, cancelled.status(), cancelled.body());

            eventually("given up after the schedule").until(() -> "DEAD".equals(log(shop, endpoint)
                    .getJsonObject(0).getString("status")));
            eventually("no attempt after the last").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.at("/failing").size() == WEBHOOK_WAITS.size() + 1);
            assertNotSooner(WEBHOOK_WAITS, receiver.at("/failing").stream().map(Receiver.Received::arrived).toList());
            String webhookId = receiver.at("/failing").get(0).header("webhook-id");

            TestData.Person admin = TestData.newStaff(base, "admin");
            browser.signIn(admin.email(), admin.password());
            browser.open("admin/webhook-log?operator=" + shop.code() + "&id=" + endpoint);
            String shown = section("section.delivery", webhookId);
            assertTrue(shown.contains("Given up"), shown);
            assertTrue(shown.matches("(?s).*Attempts\\s+" + (WEBHOOK_WAITS.size() + 1) + "\\s.*"), shown);
            browser.pressIn(webhookId, "Send again");
            assertTrue(browser.text().contains("Queued for sending again"), browser.text());

            eventually("delivered by the retry").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.at("/failing").size() == WEBHOOK_WAITS.size() + 2);
            assertEquals(webhookId, receiver.at("/failing").get(WEBHOOK_WAITS.size() + 1).header("webhook-id"));
            eventually("the log says delivered").until(() -> "DELIVERED".equals(log(shop, endpoint)
                    .getJsonObject(0).getString("status")));
        }
    }

    /** Each attempt came at least its wait after the one before: the schedule is never cut short. */
    private static void assertNotSooner(List<Duration> waits, List<Instant> arrivals) {
        assertEquals(waits.size() + 1, arrivals.size(), "one attempt more than waits: " + arrivals);
        List<String> tooSoon = new ArrayList<>();
        for (int i = 0; i < waits.size(); i++) {
            Duration waited = Duration.between(arrivals.get(i), arrivals.get(i + 1));
            if (waited.compareTo(waits.get(i)) < 0) {
                tooSoon.add("attempt " + (i + 2) + " after " + waited.toMillis() + " ms, not " + waits.get(i));
            }
        }
        assertEquals(List.of(), tooSoon, "attempts at " + arrivals);
    }

    private String receiptDelivery(TestData.Person person) {
        return TestData.outbox(base, person.email()).stream()
                .filter(line -> line.startsWith("delivery ") && line.contains(" " + RECEIPTS + " "))
                .findFirst().orElse("");
    }

    /** The text of the page's section (by CSS selector) that mentions this, or nothing. */
    private String section(String selector, String mentioning) {
        return browser.driverFind(By.cssSelector(selector)).stream().map(element -> element.getText())
                .filter(text -> text.contains(mentioning)).findFirst().orElse("");
    }

    private static JsonArray log(OperatorClient.Created shop, String endpoint) {
        return shop.client().get("webhook-endpoints/" + endpoint + "/deliveries").json().getJsonArray("items");
    }
}
