package org.cancelportal.it;

import static org.cancelportal.it.support.Emails.link;
import static org.cancelportal.it.support.Emails.textOf;
import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
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
 * The receipt's promises, followed through: a refund the operator confirms as paid, reports as failed, or lets run
 * late, each seen on the receipt, in an email and on the support desk; and a renewal billing reports after a
 * cancellation, held back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FollowThroughIT extends PortalInABrowser {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final Pattern RECEIPT_LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/receipt\\?ref=\\S+)");

    OperatorWithHooks operator;
    OperatorClient.Created shop;
    Receiver receiver;
    String email;
    String name;

    @BeforeEach
    void operatorWithACustomer() {
        operator = OperatorWithHooks.start(base);
        shop = operator.shop();
        receiver = operator.receiver();
        String marker = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        email = "refund-" + marker + "@example.com";
        name = "Robin Refund " + marker;
        shop.client().put("subscribers/cus_1", "{\"email\":\"" + email + "\",\"name\":\"" + name + "\"}");
        shop.client().put("subscriptions/sub_1", subscription(-10, 20));
    }

    @AfterEach
    void stopReceiver() {
        operator.close();
    }

    @Test
    void aRefundConfirmedAsPaidIsSaidToBePaidOnlyThen() throws Exception {
        operator.listenFor("refund.due");
        String reference = cancelNow();

        JsonObject due = shop.client().get("cancellations/" + reference + "/refund").json();
        assertEquals("due", due.getString("status"));
        Instant dueBy = Instant.parse(due.getString("due_by"));
        assertTrue(Duration.between(TestTime.now(), dueBy).toHours() > 4 * 24, "five days to confirm: " + dueBy);
        eventually("refund.due at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject hook = operator.hook(0);
        assertEquals("refund.due", hook.getString("type"));
        assertEquals("sub_1", hook.getJsonObject("data").getString("subscription"));
        assertEquals(reference, hook.getJsonObject("data").getJsonObject("cancellation").getString("reference"));
        assertEquals(due.getJsonObject("amount").getString("amount"),
                hook.getJsonObject("data").getJsonObject("refund").getString("amount").replaceAll("\\.?0+$", ""));

        TestData.awaitDelivered(base, email, "receipt-email", 1);
        String receiptText = textOf(emails("confirmed").get(0));
        assertTrue(receiptText.contains("due by"), receiptText);
        assertFalse(receiptText.contains("paid on"), "not paid before the operator says so: " + receiptText);
        browser.openUrl(link(RECEIPT_LINK, receiptText));
        assertTrue(browser.textOf("refund").contains("due by"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("Once it has been paid, this page says so"),
                browser.textOf("refund-next"));

        String today = TestTime.today().toString();
        String paid = "{\"status\":\"paid\",\"paid_on\":\"" + today + "\",\"payment_reference\":\"re_77\"}";
        String key = UUID.randomUUID().toString();
        OperatorClient.Reply confirmed = shop.client().post("cancellations/" + reference + "/refund", paid,
                "Idempotency-Key", key);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("paid", confirmed.json().getString("status"));
        OperatorClient.Reply again = shop.client().post("cancellations/" + reference.toLowerCase() + "/refund", paid,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(200, again.status(), "the same word again changes nothing: " + again.body());
        OperatorClient.Reply replayed = shop.client().post("cancellations/" + reference + "/refund", paid,
                "Idempotency-Key", key);
        assertEquals("true", replayed.header("Idempotent-Replayed").orElse(""));
        OperatorClient.Reply contradicted = shop.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"failed\",\"reason\":\"Card expired.\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, contradicted.status(), "a paid refund stays paid: " + contradicted.body());

        TestData.awaitDelivered(base, email, "refund-email", 1);
        List<MimeMessage> paidEmails = emails("has been paid");
        assertEquals(1, paidEmails.size(), "one email, however often the operator said it");
        String paidText = textOf(paidEmails.get(0));
        assertTrue(paidText.contains("was paid on"), paidText);
        assertTrue(paidText.contains("re_77"), paidText);
        browser.openUrl(link(RECEIPT_LINK, receiptText));
        assertTrue(browser.textOf("refund").contains("paid on"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("(payment reference re_77)"), browser.textOf("refund-next"));
        browser.screenshot("receipt-refund-paid-en-phone", org.cancelportal.it.browser.Browser.PHONE);

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/search?q=" + reference);
        browser.follow(name);
        assertTrue(browser.textOf("history").contains("Refund paid · operator:" + shop.code() + " (API)"), browser.textOf("history"));
        browser.open("support/follow-up");
        assertFalse(browser.text().contains(reference), "a paid refund needs no follow-up");
    }

    @Test
    void aFailedRefundSaysWhyAndThatTheMoneyIsStillOwed() throws Exception {
        String reference = cancelNow();
        OperatorClient.Reply incomplete = shop.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"failed\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(400, incomplete.status(), incomplete.body());
        assertEquals(List.of("reason"), incomplete.named());
        OperatorClient.Reply future = shop.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"paid\",\"paid_on\":\"" + TestTime.today().plusDays(3) + "\",\"payment_reference\":\"x\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(400, future.status(), future.body());
        assertEquals("due", shop.client().get("cancellations/" + reference + "/refund").json().getString("status"),
                "bad input changes nothing");
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        assertEquals(404, other.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"failed\",\"reason\":\"x\"}", "Idempotency-Key", "k").status());
        assertEquals(404, other.client().get("cancellations/" + reference + "/refund").status());

        OperatorClient.Reply failed = shop.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"failed\",\"reason\":\"The card has expired.\"}", "Idempotency-Key",
                UUID.randomUUID().toString());
        assertEquals(200, failed.status(), failed.body());

        TestData.awaitDelivered(base, email, "refund-email", 1);
        String text = textOf(emails("could not be paid").get(0));
        assertTrue(text.contains("“The card has expired.”"), text);
        assertTrue(text.contains("The money is still owed to you"), text);
        browser.openUrl(link(RECEIPT_LINK, textOf(emails("confirmed").get(0))));
        assertTrue(browser.textOf("refund").contains("not paid"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("The card has expired."), browser.textOf("refund-next"));

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/follow-up");
        String refunds = browser.textOf("refunds");
        assertTrue(refunds.contains(reference + " ·") && refunds.contains("Failed: the payment did not go through")
                && refunds.contains("The card has expired.") && refunds.contains(name), refunds);
    }

    @Test
    void aRefundNotConfirmedInTimeBecomesOverdueEverywhere() throws Exception {
        operator.listenFor("refund.overdue");
        String reference = cancelNow();

        TestData.letRefundRunOut(base, reference);

        eventually("the refund overdue").until(() -> "overdue".equals(shop.client()
                .get("cancellations/" + reference + "/refund").json().getString("status")));
        eventually("refund.overdue at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject hook = operator.hook(0);
        assertEquals("refund.overdue", hook.getString("type"));
        assertEquals("overdue", hook.getJsonObject("data").getJsonObject("refund").getString("status"));
        TestData.awaitDelivered(base, email, "refund-email", 1);
        String text = textOf(emails("is late").get(0));
        assertTrue(text.contains("nobody has confirmed yet that it was"), text);
        assertTrue(text.contains("help@example.com"), "whom to contact: " + text);
        browser.openUrl(link(RECEIPT_LINK, textOf(emails("confirmed").get(0))));
        assertTrue(browser.textOf("refund").contains("not confirmed as paid yet"), browser.textOf("refund"));
        assertTrue(browser.textOf("refund-next").contains("please contact our support team"),
                browser.textOf("refund-next"));
        browser.screenshot("receipt-refund-overdue-en-phone", org.cancelportal.it.browser.Browser.PHONE);

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        String link = browser.textOf("follow-up-link");
        assertTrue(link.matches("Promises to follow up: [1-9][0-9,]* open"), "this overdue refund at least: " + link);
        browser.open("support/follow-up");
        assertTrue(browser.textOf("refunds").contains(reference + " ·"), browser.textOf("refunds"));
        assertTrue(browser.textOf("refunds").contains("Overdue: not confirmed as paid"), browser.textOf("refunds"));
        browser.screenshot("support-follow-up-en-desktop", org.cancelportal.it.browser.Browser.DESKTOP);

        OperatorClient.Reply late = shop.client().post("cancellations/" + reference + "/refund",
                "{\"status\":\"paid\",\"paid_on\":\"" + TestTime.today() + "\",\"payment_reference\":\"re_late\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(200, late.status(), "paid late is still paid: " + late.body());
        assertTrue(late.json().containsKey("overdue_since") && !late.json().isNull("overdue_since"),
                "it stays known that it was late: " + late.body());
        browser.open("support/follow-up");
        assertFalse(browser.text().contains(reference), "paid, so nothing to follow up");
    }

    @Test
    void aRenewalAfterTheCancellationKeepsTheCancellationsDateAndIsFollowedUp() {
        operator.listenFor("subscription.renewed_after_cancellation");
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        String reference = cancelled.json().getString("reference");
        String effectiveAt = cancelled.json().getString("effective_at");

        OperatorClient.Reply renewed = shop.client().put("subscriptions/sub_1", subscription(20, 50));
        assertEquals(200, renewed.status(), renewed.body());
        assertTrue(renewed.json().getString("renewal_held_back").contains("not applied"), renewed.body());
        OperatorClient.Reply sameAgain = shop.client().put("subscriptions/sub_1", subscription(20, 50));
        assertEquals(200, sameAgain.status(), sameAgain.body());

        JsonObject now = shop.client().get("subscriptions/sub_1").json();
        assertEquals(TestTime.isoMidnightInDays(20), now.getString("current_period_end"), now.toString());
        assertEquals(effectiveAt, now.getJsonObject("cancellation").getString("effective_at"), now.toString());
        assertTrue(OperatorClient.audit(base, shop.code()).stream()
                .anyMatch(line -> line.contains("RENEWAL_AFTER_CANCELLATION")), "audited");
        eventually("the event at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject hook = operator.hook(0);
        assertEquals("subscription.renewed_after_cancellation", hook.getString("type"));
        assertEquals(TestTime.isoMidnightInDays(50),
                hook.getJsonObject("data").getJsonObject("reported_period").getString("end"));

        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/follow-up");
        String renewals = browser.textOf("renewals");
        assertEquals(1, renewals.split(Pattern.quote(reference), -1).length - 1, "once, though sent twice: " + renewals);
        browser.pressIn(reference, "Mark as sorted out");
        assertTrue(browser.text().contains("Marked as sorted out."));
        assertFalse(browser.text().contains(reference), "sorted out, so off the list");
    }

    @Test
    void aDeclarationLeftToSupportReachesTheOperatorWhoseSubscriptionItMayMeanAndNoOther() {
        operator.listenFor("declaration.received");
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");
        OperatorClient.Reply othersEndpoint = other.client().post("webhook-endpoints", "{\"url\":\""
                + receiver.url("/other") + "\",\"events\":[\"declaration.received\"]}");
        assertEquals(201, othersEndpoint.status(), othersEndpoint.body());

        int year = TestTime.today().getYear() + 4;
        browser.open("cancel-contract");
        browser.field("cancel:contract").sendKeys("sub_1");
        browser.field("cancel:name").sendKeys(name);
        browser.field("cancel:accountEmail").sendKeys(email);
        browser.field("cancel:kind:0").click();
        browser.field("cancel:desiredEnd").sendKeys("1231" + year);
        browser.field("cancel:confirmationEmail").sendKeys(email);
        browser.press("Cancel now");
        String reference = browser.textOf("fact-reference");

        eventually("declaration.received at the endpoint").until(() -> receiver.at("/hooks").size() == 1);
        JsonObject data = operator.hook(0).getJsonObject("data");
        assertEquals(reference, data.getJsonObject("declaration").getString("reference"));
        assertEquals("waiting_for_support", data.getJsonObject("declaration").getString("status"));
        assertEquals(year + "-12-31", data.getJsonObject("declaration").getString("desired_end"));
        assertEquals("sub_1", data.getJsonArray("candidates").getJsonObject(0).getString("subscription"));
        assertEquals("cus_1", data.getJsonArray("candidates").getJsonObject(0).getString("subscriber"));
        assertFalse(receiver.at("/hooks").get(0).text().contains(email), "no personal data the person typed");
        String otherId = othersEndpoint.json().getString("id");
        assertEquals(0, other.client().get("webhook-endpoints/" + otherId + "/deliveries").json()
                .getJsonArray("items").size(), "the other operator has no subscription it may mean");
    }

    private String cancelNow() {
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_1/cancel", "{\"mode\":\"IMMEDIATE\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        assertFalse(cancelled.json().getJsonObject("refund").getString("amount").matches("0(\\.0+)?"),
                "a refund to follow: " + cancelled.body());
        return cancelled.json().getString("reference");
    }

    private String subscription(int periodStartDays, int periodEndDays) {
        return "{\"subscriber\":\"cus_1\",\"plan\":\"" + shop.plan() + "\",\"started_at\":\""
                + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(periodStartDays) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(periodEndDays) + "\"}";
    }

    private List<MimeMessage> emails(String subjectPart) {
        return Emails.to(SMTP, email, subjectPart);
    }
}
