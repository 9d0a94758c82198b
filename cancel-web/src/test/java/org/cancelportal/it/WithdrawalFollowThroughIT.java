package org.cancelportal.it;

import static org.cancelportal.it.support.Emails.link;
import static org.cancelportal.it.support.Emails.subject;
import static org.cancelportal.it.support.Emails.textOf;
import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.Emails;
import org.cancelportal.it.support.OperatorWithHooks;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A withdrawal's refund followed through exactly like a cancellation's: due on the confirmation and in the
 * acknowledgement until the operator says it was paid, overdue when the operator lets the days pass, failed with the
 * way to support, each told to the operator's endpoints as a withdrawal's and listed for the support desk as one. And
 * a scheduled cancellation a withdrawal took the place of, shown as superseded, never as the current cancellation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WithdrawalFollowThroughIT extends PortalInABrowser {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/withdrawal\\?ref=\\S+)");
    private static final Pattern RECEIPT_LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/receipt\\?ref=\\S+)");

    OperatorWithHooks operator;
    OperatorClient.Created shop;
    Receiver receiver;
    String email;
    String name;

    @BeforeEach
    void operatorAndReceiver() {
        operator = OperatorWithHooks.start(base);
        shop = operator.shop();
        receiver = operator.receiver();
        String marker = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        email = "withdrawn-" + marker + "@example.com";
        name = "Wendy Withdrawn " + marker;
    }

    @AfterEach
    void stopReceiver() {
        operator.close();
    }

    @Test
    void aWithdrawalsRefundIsDueUntilTheOperatorSaysItWasPaidAndOnlyThenSaysPaid() throws Exception {
        customer("en");
        operator.listenFor("refund.due");
        String reference = withdraw();

        JsonObject due = shop.client().get("withdrawals/" + reference + "/refund").json();
        assertEquals("due", due.getString("status"), due.toString());
        assertEquals("withdrawal", due.getString("belongs_to"));
        assertEquals(reference, due.getString("reference"));
        Instant dueBy = Instant.parse(due.getString("due_by"));
        assertTrue(Duration.between(TestTime.now(), dueBy).toHours() > 4 * 24, "five days to confirm: " + dueBy);
        eventually("refund.due at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject hook = operator.hook(0);
        assertEquals("refund.due", hook.getString("type"));
        JsonObject data = hook.getJsonObject("data");
        assertEquals(reference, data.getJsonObject("withdrawal").getString("reference"), data.toString());
        assertFalse(data.containsKey("cancellation"), "a withdrawal's refund, not a cancellation's: " + data);
        assertEquals("withdrawal", data.getJsonObject("refund").getString("belongs_to"));

        TestData.awaitDelivered(base, email, "withdrawal-email", 1);
        String acknowledgement = textOf(emails("is confirmed").get(0));
        assertTrue(acknowledgement.contains("due by"), acknowledgement);
        assertFalse(acknowledgement.contains("paid on"), "not paid before the operator says so: " + acknowledgement);
        String confirmation = link(CONFIRMATION_LINK, acknowledgement);
        browser.openUrl(confirmation);
        assertTrue(browser.textOf("refund").contains("due by"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("Once it has been paid, this page says so"),
                browser.textOf("refund-next"));

        OperatorClient.Reply incomplete = shop.client().post("withdrawals/" + reference + "/refund",
                "{\"status\":\"paid\",\"paid_on\":\"" + TestTime.today() + "\"}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(400, incomplete.status(), incomplete.body());
        assertEquals(List.of("payment_reference"), incomplete.named());
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        String paid = "{\"status\":\"paid\",\"paid_on\":\"" + TestTime.today() + "\",\"payment_reference\":\"re_w1\"}";
        assertEquals(404, other.client().post("withdrawals/" + reference + "/refund", paid, "Idempotency-Key",
                UUID.randomUUID().toString()).status(), "another operator's withdrawal");
        assertEquals(404, other.client().get("withdrawals/" + reference + "/refund").status());
        OperatorClient.Reply confirmed = shop.client().post("withdrawals/" + reference.toLowerCase() + "/refund", paid,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("paid", confirmed.json().getString("status"));
        assertEquals(200, shop.client().post("withdrawals/" + reference + "/refund", paid, "Idempotency-Key",
                UUID.randomUUID().toString()).status(), "the same word again changes nothing");
        OperatorClient.Reply contradicted = shop.client().post("withdrawals/" + reference + "/refund",
                "{\"status\":\"failed\",\"reason\":\"Card expired.\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, contradicted.status(), "a paid refund stays paid: " + contradicted.body());
        assertEquals("application/problem+json", contradicted.contentType());

        TestData.awaitDelivered(base, email, "refund-email", 1);
        List<MimeMessage> paidEmails = emails("has been paid");
        assertEquals(1, paidEmails.size(), "one email, however often the operator said it");
        String paidText = textOf(paidEmails.get(0));
        assertTrue(paidText.contains("this is about your withdrawal from"), paidText);
        assertTrue(paidText.contains("was paid on") && paidText.contains("re_w1"), paidText);
        assertTrue(paidText.contains("/withdrawal?ref=" + reference), "links to the withdrawal: " + paidText);
        browser.openUrl(confirmation);
        assertTrue(browser.textOf("refund").contains("paid on"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("(payment reference re_w1)"), browser.textOf("refund-next"));

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/search?q=" + email);
        browser.follow(name);
        String history = browser.textOf("history");
        assertTrue(history.contains("Refund paid · operator:" + shop.code() + " (API)")
                && history.contains("withdrawal " + reference), history);
    }

    @Test
    void inGermanARefundLeftUnconfirmedIsOverdueAndAFailedOneSendsThePersonToSupport() throws Exception {
        customer("de");
        operator.listenFor("refund.overdue");
        String reference = withdraw();

        TestData.letRefundRunOut(base, reference);
        eventually("the refund overdue").until(() -> "overdue".equals(shop.client()
                .get("withdrawals/" + reference + "/refund").json().getString("status")));
        eventually("refund.overdue at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject data = operator.hook(0).getJsonObject("data");
        assertEquals(reference, data.getJsonObject("withdrawal").getString("reference"), data.toString());
        assertEquals("overdue", data.getJsonObject("refund").getString("status"));
        TestData.awaitDelivered(base, email, "refund-email", 1);
        String late = textOf(emails("ist überfällig").get(0));
        assertTrue(late.contains("es geht um Ihren Widerruf"), late);
        assertTrue(late.contains("Support-Team"), "whom to contact: " + late);

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/follow-up");
        String refunds = browser.textOf("refunds");
        assertTrue(refunds.contains("Withdrawal " + reference + " ·")
                && refunds.contains("Overdue: not confirmed as paid") && refunds.contains(name), refunds);

        OperatorClient.Reply failed = shop.client().post("withdrawals/" + reference + "/refund",
                "{\"status\":\"failed\",\"reason\":\"Die Karte ist abgelaufen.\"}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(200, failed.status(), failed.body());
        TestData.awaitDelivered(base, email, "refund-email", 2);
        String text = textOf(emails("konnte nicht bezahlt werden").get(0));
        assertTrue(text.contains("„Die Karte ist abgelaufen.“"), text);
        assertTrue(text.contains("Das Geld steht Ihnen weiterhin zu.") && text.contains("Support-Team"), text);
        try (Browser german = new Browser(base, "de-DE", false)) {
            german.openUrl(link(CONFIRMATION_LINK, textOf(emails("ist bestätigt").get(0))));
            assertTrue(german.textOf("refund").contains("nicht bezahlt"), german.textOf("refund"));
            assertTrue(german.textOf("refund-next").contains("Support-Team"), german.textOf("refund-next"));
        }
        browser.open("support/follow-up");
        assertTrue(browser.textOf("refunds").contains("Withdrawal " + reference + " ·")
                && browser.textOf("refunds").contains("Failed: the payment did not go through"),
                browser.textOf("refunds"));
    }

    @Test
    void aCancellationAWithdrawalReplacedIsShownAsSupersededAndNeverAsTheCurrentCancellation() throws Exception {
        customer("en");
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        String cancellation = cancelled.json().getString("reference");
        assertEquals(cancellation, shop.client().get("subscriptions/sub_1").json().getJsonObject("cancellation")
                .getString("reference"), "scheduled, so in force until the withdrawal");
        String withdrawal = withdraw();

        JsonObject subscription = shop.client().get("subscriptions/sub_1").json();
        assertEquals("WITHDRAWN", subscription.getString("status"));
        assertTrue(subscription.isNull("cancellation"), "no longer the subscription's cancellation: " + subscription);
        assertEquals(withdrawal, subscription.getJsonObject("withdrawal").getString("reference"));
        assertEquals(cancellation, subscription.getJsonObject("withdrawal").getString("superseded_cancellation"));
        JsonObject listed = shop.client().get("subscriptions").json().getJsonArray("items").getJsonObject(0);
        assertTrue(listed.isNull("cancellation"), listed.toString());
        assertEquals(withdrawal, listed.getJsonObject("withdrawal").getString("reference"));
        JsonObject old = shop.client().get("cancellations").json().getJsonArray("items").getJsonObject(0);
        assertEquals(cancellation, old.getString("reference"));
        assertEquals(withdrawal, old.getString("superseded_by_withdrawal"), old.toString());
        assertNotNull(Instant.parse(old.getString("superseded_at")));
        assertTrue(old.isNull("undone_at"), "superseded is not undone: " + old);

        TestData.awaitDelivered(base, email, "receipt-email", 1);
        browser.openUrl(link(RECEIPT_LINK, textOf(emails("confirmed").stream()
                .filter(message -> !subject(message).contains("withdrawal")).findFirst().orElseThrow())));
        assertEquals("This cancellation was replaced by your withdrawal", browser.heading());
        assertTrue(browser.textOf("superseded").contains("this cancellation no longer applies"),
                browser.textOf("superseded"));
        assertTrue(browser.buttons().stream()
                .noneMatch(button -> "Undo the cancellation".equals(button.getAttribute("value"))), "no undo");
        assertFalse(browser.text().contains("Doch anders") || browser.text().contains("Changed your mind"),
                "no undo section: " + browser.text());
        browser.follow("See your withdrawal " + withdrawal);
        assertEquals("Your withdrawal is confirmed", browser.heading(), "the link opens it: " + browser.url());
        assertEquals(withdrawal, browser.textOf("reference"));
    }

    private void customer(String locale) {
        OperatorClient.Reply subscriber = shop.client().put("subscribers/cus_1", "{\"email\":\"" + email
                + "\",\"name\":\"" + name + "\",\"locale\":\"" + locale + "\"}");
        assertTrue(subscriber.status() == 200 || subscriber.status() == 201, subscriber.body());
        // made three days ago, its 30-day period paid, no early start asked for: everything paid comes back
        OperatorClient.Reply subscription = shop.client().put("subscriptions/sub_1", "{\"subscriber\":\"cus_1\","
                + "\"plan\":\"" + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-3)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-3) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(27) + "\"}");
        assertEquals(201, subscription.status(), subscription.body());
    }

    private String withdraw() {
        OperatorClient.Reply made = shop.client().post("subscriptions/sub_1/withdraw", "", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(201, made.status(), made.body());
        assertFalse(made.json().getJsonObject("refund").getString("amount").matches("0(\\.0+)?"),
                "a refund to follow: " + made.body());
        return made.json().getString("reference");
    }

    private List<MimeMessage> emails(String subjectPart) {
        return Emails.to(SMTP, email, subjectPart);
    }
}
