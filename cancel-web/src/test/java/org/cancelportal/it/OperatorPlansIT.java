package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.cancelportal.webhook.control.WebhookSignature;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Operators' own plans, through the API and the import: the withdrawal period they set is the one the account page
 * offers; a new price is told to each subscriber on the plan once, by email with both prices, the date and the
 * one-click link; a notice that cannot be in time reaches the operator as notice.late; and no operator sees or
 * changes another's plan. The reminder job is run by the test; the browser runs without JavaScript.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperatorPlansIT extends PortalOnly {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String REMINDERS = "reminder-email";
    private static final Pattern LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/reminder-link\\?\\S+)");
    private static final String PLANS_HEADER = "plan_code,name,price,currency,billing_period,withdrawal_days,"
            + "price_effective_at";

    OperatorClient.Created shop;
    Receiver receiver;
    String unique;

    @BeforeEach
    void shopAndReceiver() {
        shop = OperatorClient.newOperator(base, "https://shop.example.com");
        receiver = new Receiver();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theWithdrawalPeriodAnOperatorSetsOnItsPlanIsTheOneTheAccountPageOffers() throws Exception {
        assertEquals(201, putPlan("video", "9.99", "").status());
        customer("cus_1", "sub_1", "video", -20, 10, "UTC", "DE");
        String concluded = longDate(TestTime.midnightInDays(-20), "UTC");
        String lastDay = longDate(TestTime.midnightInDays(10), "UTC");

        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(session("cus_1"));
            browser.press("Continue to my account");
            assertFalse(offersWithdrawal(browser), "the portal's 14 days are over after 20: " + browser.text());

            assertEquals(30, putPlan("video", "9.99", ",\"withdrawal_days\":30").json().getInt("withdrawal_days"));
            browser.refresh();
            assertTrue(offersWithdrawal(browser), browser.text());
            String box = browser.driverFind(By.cssSelector(".withdrawal-box")).get(0).getText();
            assertTrue(box.contains("You made this contract on " + concluded), box);
            assertTrue(box.contains(lastDay), "30 days from the day it was made: " + box);

            OperatorClient.Reply none = putPlan("video", "9.99", ",\"withdrawal_days\":0");
            assertEquals(0, none.json().getInt("withdrawal_days"), none.body());
            browser.refresh();
            assertFalse(offersWithdrawal(browser), "0 days: no right of withdrawal: " + browser.text());

            try (Browser admin = adminImporting(PLANS_HEADER + "\nvideo,Video Monthly,9.99,EUR,MONTHLY,30,\n")) {
                assertTrue(admin.text().contains("Imported all 1 rows of plans: 0 plans created, 1 changed."),
                        admin.text());
            }
            browser.refresh();
            assertTrue(offersWithdrawal(browser), "the file set 30 days again: " + browser.text());
        }
        assertEquals(30, shop.client().get("plans/video").json().getInt("withdrawal_days"));
    }

    @Test
    void anOperatorNeitherSeesNorChangesAnotherOperatorsPlanNorAnySharedOne() {
        putPlan("gold", "19.99", ",\"withdrawal_days\":30");
        OperatorClient.Created other = OperatorClient.newOperator(base, "https://other.example.com");

        assertEquals(404, other.client().get("plans/gold").status());
        assertFalse(other.client().get("plans?limit=200").body().contains("\"gold\""), "not in the other's list");
        other.client().put("subscribers/cus_o", "{\"email\":\"o-" + unique + "@example.com\",\"name\":\"O\"}");
        OperatorClient.Reply onMine = other.client().put("subscriptions/sub_o", subscriptionBody("cus_o", "gold", -1,
                29));
        assertEquals(400, onMine.status(), "another operator's plan is no plan to the other: " + onMine.body());
        assertEquals(List.of("plan"), onMine.named());

        OperatorClient.Reply own = other.client().put("plans/gold", planBody("Gold", "1.00", ""));
        assertEquals(201, own.status(), "the other's own plan of the same code: " + own.body());
        JsonObject mine = shop.client().get("plans/gold").json();
        assertEquals("19.99", mine.getJsonObject("price").getString("amount"), "unchanged: " + mine);
        assertEquals(30, mine.getInt("withdrawal_days"));

        OperatorClient.Reply shared = shop.client().get("plans/" + shop.plan());
        assertEquals(200, shared.status(), shared.body());
        assertTrue(shared.json().getBoolean("shared"), shared.body());
        OperatorClient.Reply change = shop.client().put("plans/" + shop.plan(), planBody("Mine now", "0.01", ""));
        assertEquals(409, change.status(), change.body());
        assertEquals(List.of("code"), change.named());
        assertEquals("9.99", shop.client().get("plans/" + shop.plan()).json().getJsonObject("price")
                .getString("amount"));

        OperatorClient.Reply bad = shop.client().put("plans/gold", "{\"name\":\"Gold\",\"price\":\"-1\","
                + "\"currency\":\"euro\",\"billing_period\":\"WEEKLY\",\"withdrawal_days\":400}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("application/problem+json", bad.contentType());
        assertEquals(List.of("billing_period", "currency", "price", "withdrawal_days"), bad.named(), bad.body());
    }

    @Test
    void aNewPriceIsToldOnceToEachSubscriberWithBothPricesAndTheLinkAndALateNoticeReachesTheOperator()
            throws Exception {
        String secret = endpoint("/hooks", "notice.late").getString("secret");
        putPlan("plus", "9.99", "");
        String onTime = customer("cus_time", "sub_time", "plus", -10, 20, "America/New_York", "US");
        String tooLate = customer("cus_late", "sub_late", "plus", -27, 3, "America/New_York", "US");

        OperatorClient.Reply changed = putPlan("plus", "12.49", "");
        assertEquals(200, changed.status(), changed.body());
        JsonObject told = changed.json().getJsonObject("price_change");
        assertEquals(2, told.getInt("notices"), changed.body());
        assertEquals(1, told.getInt("late_notices"), "3 days before the charge is after the 5-day window closed");
        assertEquals("12.49", changed.json().getJsonObject("price").getString("amount"));

        runJob();
        TestData.awaitDelivered(base, onTime, REMINDERS, 1);
        String date = longDate(TestTime.midnightInDays(20), "America/New_York");
        String text = plusGoesUp(onlyEmailTo(onTime), date);
        TestData.awaitDelivered(base, tooLate, REMINDERS, 1);
        assertTrue(textOf(onlyEmailTo(tooLate)).contains("New price: €12.49 per month"));

        eventually("the late notice's webhook").until(() -> receiver.at("/hooks").size() == 1);
        Receiver.Received delivery = receiver.at("/hooks").get(0);
        assertTrue(WebhookSignature.verify(secret, delivery.header("webhook-id"),
                Long.parseLong(delivery.header("webhook-timestamp")), delivery.body(),
                delivery.header("webhook-signature")), delivery.headers().toString());
        JsonObject body = Json.createReader(new StringReader(delivery.text())).readObject();
        assertEquals("notice.late", body.getString("type"));
        JsonObject data = body.getJsonObject("data");
        assertEquals("sub_late", data.getString("subscription"));
        assertEquals("cus_late", data.getString("subscriber"));
        JsonObject late = data.getJsonObject("notice");
        assertEquals("price_change", late.getString("kind"));
        assertEquals(TestTime.midnightInDays(3).toString(), late.getString("date"));
        assertEquals("9.99", late.getJsonObject("old_price").getString("amount"));
        assertEquals("12.49", late.getJsonObject("new_price").getString("amount"));
        assertEquals("EUR", late.getJsonObject("new_price").getString("currency"));

        OperatorClient.Reply again = putPlan("plus", "12.49", "");
        assertEquals(200, again.status(), again.body());
        assertFalse(again.json().containsKey("price_change"), "the same body changes nothing: " + again.body());
        runJob();
        assertEquals(1, events(onTime, "ReminderNoticeDue"), "no second notice");
        assertEquals(1, events(tooLate, "ReminderNoticeDue"), "no second notice");
        assertEquals(1, events(tooLate, "ReminderNoticeLate"), "no second webhook");
        assertEquals(1, SMTP.getReceivedMessagesForDomain(onTime).length);

        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(link(text));
            browser.press("Continue to my subscription");
            List<String> cards = browser.idsOf("section.card");
            assertEquals(1, cards.size(), browser.text());
            browser.pressWithin(cards.get(0), "Cancel at the end of the period");
            assertEquals("Your cancellation is confirmed", browser.heading());
        }
        assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_time").json().getString("status"));
    }

    @Test
    void aNewPriceFromThePlansFileIsToldAtOnceOrHeldUntilItsWindowOpens() throws Exception {
        putPlan("news", "9.99", "");
        String email = customer("cus_csv", "sub_csv", "news", -10, 20, "Europe/Berlin", "DE");
        try (Browser admin = adminImporting(PLANS_HEADER + "\nnews,News,14.99,EUR,MONTHLY,,\n")) {
            assertTrue(admin.text().contains("Imported all 1 rows of plans: 0 plans created, 1 changed. New prices"
                    + " wrote 1 notices to subscribers, 0 of them late."), admin.text());
        }
        runJob();
        TestData.awaitDelivered(base, email, REMINDERS, 1);
        String text = textOf(onlyEmailTo(email));
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.GERMAN)
                .format(TestTime.midnightInDays(20).atZone(ZoneId.of("Europe/Berlin")));
        assertTrue(text.contains("Preis bis dahin: 9,99\u00a0€ pro Monat"), text);
        assertTrue(text.contains("Neuer Preis: 14,99\u00a0€ pro Monat"), text);
        assertTrue(text.contains(date), text);
        link(text);

        // from a day after the next charge: it reaches this subscription at the charge a month later, whose notice
        // window has not opened yet
        Instant effective = TestTime.midnightInDays(21);
        try (Browser admin = adminImporting(PLANS_HEADER + "\nnews,News,16.99,EUR,MONTHLY,," + effective + "\n")) {
            assertTrue(admin.text().contains("New prices wrote 1 notices to subscribers, 0 of them late."),
                    admin.text());
        }
        runJob();
        assertEquals(1, events(email, "ReminderNoticeDue"), "the second notice is held until its window opens");
        JsonObject plan = shop.client().get("plans/news").json();
        assertEquals(List.of("9.99", "14.99", "16.99"), plan.getJsonArray("prices").stream()
                .map(JsonValue::asJsonObject).map(price -> price.getString("amount")).toList(), plan.toString());
        assertEquals(effective.toString(), plan.getJsonArray("prices").getJsonObject(2).getString("applies_from"));
    }

    @Test
    void undoingACancellationTellsTheNewPriceTheNextChargeWillBeAtOnce() throws Exception {
        putPlan("plus", "9.99", "");
        String email = customer("cus_undo", "sub_undo", "plus", -10, 20, "America/New_York", "US");
        String date = longDate(TestTime.midnightInDays(20), "America/New_York");
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(session("cus_undo"));
            browser.press("Continue to my account");
            browser.press("Cancel at the end of the period");
            assertEquals("Your cancellation is confirmed", browser.heading());

            OperatorClient.Reply changed = putPlan("plus", "12.49", "");
            assertEquals(0, changed.json().getJsonObject("price_change").getInt("notices"),
                    "a subscriber who is leaving will not be charged again: " + changed.body());
            runJob();
            assertEquals(0, events(email, "ReminderNoticeDue"), "no notice while leaving");

            browser.press("Undo the cancellation");
            assertEquals("You undid this cancellation", browser.heading());
            runJob();
            TestData.awaitDelivered(base, email, REMINDERS, 1);
            plusGoesUp(onlyPriceNoticeTo(email), date);

            browser.follow("Back to your subscriptions");
            browser.press("Cancel at the end of the period");
            assertEquals("Your cancellation is confirmed", browser.heading());
            browser.press("Undo the cancellation");
            assertEquals("You undid this cancellation", browser.heading());
        }
        runJob();
        assertEquals(1, events(email, "ReminderNoticeDue"), "told once, however often the cancellation is undone");
        onlyPriceNoticeTo(email);
    }

    @Test
    void twoRequestsCreatingTheSamePlanAtOnceAnswerAsIfOneHadComeFirst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String twin = "twin" + round;
                List<OperatorClient.Reply> same = atOnce(pool, () -> shop.client().put("plans/" + twin,
                        planBody("Twin", "5.00", "")), () -> shop.client().put("plans/" + twin,
                        planBody("Twin", "5.00", "")));
                assertEquals(List.of(200, 201), statuses(same), same.get(0).body() + " / " + same.get(1).body());
                assertEquals("5.00", shop.client().get("plans/" + twin).json().getJsonObject("price")
                        .getString("amount"));

                String pair = "pair" + round;
                List<OperatorClient.Reply> different = atOnce(pool, () -> shop.client().put("plans/" + pair,
                        planBody("Pair A", "5.00", "")), () -> shop.client().put("plans/" + pair,
                        planBody("Pair B", "6.00", "")));
                assertEquals(List.of(200, 201), statuses(different),
                        different.get(0).body() + " / " + different.get(1).body());
                JsonObject later = different.stream().filter(reply -> reply.status() == 200).findFirst()
                        .orElseThrow().json();
                JsonObject now = shop.client().get("plans/" + pair).json();
                assertEquals(later.getString("name"), now.getString("name"), "the later one is applied as an update");
                assertEquals(later.getJsonObject("price"), now.getJsonObject("price"), now.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Both requests, let go at the same moment from two threads. */
    private static List<OperatorClient.Reply> atOnce(ExecutorService pool, Supplier<OperatorClient.Reply> one,
                                                     Supplier<OperatorClient.Reply> other) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<OperatorClient.Reply>> replies = List.of(one, other).stream()
                .map(request -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                }, pool)).toList();
        go.countDown();
        return replies.stream().map(CompletableFuture::join).toList();
    }

    private static List<Integer> statuses(List<OperatorClient.Reply> replies) {
        return replies.stream().map(OperatorClient.Reply::status).sorted().toList();
    }

    /** The notice's text, after checking it tells Plus going from 9.99 to 12.49 a month on this date. */
    private static String plusGoesUp(MimeMessage notice, String date) throws Exception {
        assertEquals("The price of Plus changes on " + date, notice.getSubject());
        String text = textOf(notice);
        assertTrue(text.contains("Price until then: €9.99 per month"), text);
        assertTrue(text.contains("New price: €12.49 per month"), text);
        assertTrue(text.contains("New price from: " + date), text);
        return text;
    }

    /** The one price notice to this address (the receipts of cancellations go there too). */
    private MimeMessage onlyPriceNoticeTo(String address) throws Exception {
        eventually("a price notice to " + address).until(() -> priceNoticesTo(address).size() > 0);
        List<MimeMessage> notices = priceNoticesTo(address);
        assertEquals(1, notices.size(), "exactly one price notice to " + address);
        return notices.get(0);
    }

    private static List<MimeMessage> priceNoticesTo(String address) throws Exception {
        List<MimeMessage> notices = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessagesForDomain(address)) {
            if (message.getSubject().startsWith("The price of ")) {
                notices.add(message);
            }
        }
        return notices;
    }

    private long events(String email, String type) {
        return TestData.outbox(base, email).stream().filter(line -> line.startsWith("event " + type)).count();
    }

    private OperatorClient.Reply putPlan(String code, String price, String extra) {
        OperatorClient.Reply reply = shop.client().put("plans/" + code, planBody(code.equals("plus") ? "Plus"
                : "Video Monthly", price, extra));
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.body());
        return reply;
    }

    private static String planBody(String name, String price, String extra) {
        return "{\"name\":\"" + name + "\",\"price\":\"" + price + "\",\"currency\":\"EUR\",\"billing_period\":"
                + "\"MONTHLY\"" + extra + "}";
    }

    /** A subscriber and a subscription on the plan, its period from and to these days from today. */
    private String customer(String subscriber, String subscription, String plan, int periodStart, int periodEnd,
                            String zone, String country) {
        String email = subscriber + "-" + unique + "@example.com";
        String language = zone.equals("Europe/Berlin") ? "de" : "en";
        OperatorClient.Reply made = shop.client().put("subscribers/" + subscriber, "{\"email\":\"" + email
                + "\",\"name\":\"Kim Lee\",\"locale\":\"" + language + "\",\"time_zone\":\"" + zone
                + "\",\"country\":\"" + country + "\"}");
        assertTrue(made.status() == 201 || made.status() == 200, made.body());
        OperatorClient.Reply put = shop.client().put("subscriptions/" + subscription,
                subscriptionBody(subscriber, plan, periodStart, periodEnd));
        assertTrue(put.status() == 201 || put.status() == 200, put.body());
        return email;
    }

    private static String subscriptionBody(String subscriber, String plan, int periodStart, int periodEnd) {
        return "{\"subscriber\":\"" + subscriber + "\",\"plan\":\"" + plan + "\",\"started_at\":\""
                + TestTime.isoMidnightInDays(periodStart) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(periodStart) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(periodEnd) + "\"}";
    }

    private String session(String subscriber) {
        OperatorClient.Reply reply = shop.client().post("portal-sessions", "{\"subscriber\":\"" + subscriber
                + "\",\"return_url\":\"https://shop.example.com/account\"}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("url");
    }

    private static boolean offersWithdrawal(Browser browser) {
        return !browser.driverFind(By.cssSelector(".withdrawal-box")).isEmpty();
    }

    private JsonObject endpoint(String path, String... events) {
        OperatorClient.Reply created = shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url(path)
                + "\",\"events\":[\"" + String.join("\",\"", events) + "\"]}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** An admin's browser after importing this file for the shop; the caller closes it. */
    private Browser adminImporting(String csv) throws IOException {
        Browser admin = new Browser(base, "en-US", false);
        TestData.Person person = TestData.newStaff(base, "admin");
        admin.signIn(person.email(), person.password());
        admin.open("admin/import");
        Path file = Files.createTempFile("plans-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        admin.choose("import:operator", "Shop " + shop.code().substring(3) + " (" + shop.code() + ")");
        admin.field("import:file").sendKeys(file.toAbsolutePath().toString());
        admin.press("Import");
        return admin;
    }

    private void runJob() {
        try {
            HttpResponse<String> response = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "test-fixtures/reminders")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String longDate(Instant instant, String zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
                .format(instant.atZone(ZoneId.of(zone)));
    }

    private MimeMessage onlyEmailTo(String address) {
        eventually("an email to " + address).until(() -> SMTP.getReceivedMessagesForDomain(address).length > 0);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(address);
        assertEquals(1, received.length, "exactly one email to " + address);
        return received[0];
    }

    private static String textOf(MimeMessage email) throws Exception {
        var multipart = (jakarta.mail.internet.MimeMultipart) email.getContent();
        return (String) multipart.getBodyPart(0).getContent();
    }

    private static String link(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), "a one-click link in: " + text);
        return matcher.group(1);
    }
}
