package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.PortalRestart;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * Reminders before a trial ends and notices of a price change: sent once through the outbox, in the subscriber's
 * language with calendar dates, carrying a link that signs in to that one subscription and cancels it in one click,
 * once; listed on the support desk and counted on the dashboard. The reminder job is run by the test (see the test
 * server's reminders.interval), with JavaScript off in the browser.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemindersIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String REMINDERS = "reminder-email";
    private static final String CONTINUE = "Continue to my subscription";
    private static final Pattern LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/reminder-link\\?\\S+)");
    private static final String CSV_HEADER = "subscriber_id,email,name,locale,time_zone,subscription_id,plan,started_at,"
            + "current_period_start,current_period_end,trial_ends_at,country";

    OperatorClient.Created shop;
    String unique;

    @BeforeEach
    void shop() {
        shop = OperatorClient.newOperator(portal, "https://other.example.com");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aTrialEndingWithinItsWindowGetsOneReminderInGermanWithTheDateAndThePriceAndNoMoreLater() throws Exception {
        String email = subscriber("cus_jana", "Jana Vogel", "de", "Europe/Berlin", "DE");
        subscription("sub_trial", "cus_jana", shop.plan(), -20, -20, 10, true);
        subscription("sub_keep", "cus_jana", shop.plan(), -40, -10, 20, false);

        runJob();
        TestData.awaitDelivered(portal, email, REMINDERS, 1);
        MimeMessage reminder = onlyEmailTo(email);
        String date = longDate(Locale.GERMAN, TestTime.midnightInDays(10), "Europe/Berlin");
        assertEquals("Ihre kostenlose Testphase von Video Monthly endet am " + date, reminder.getSubject());
        String text = textOf(reminder);
        assertTrue(text.startsWith("Hallo Jana Vogel,"), text);
        assertTrue(text.contains("Tag der Zahlung: " + date), text);
        assertTrue(text.contains("Preis: 9,99\u00a0€ pro Monat"), text);
        assertFalse(Pattern.compile("\\bin \\d+ (Tagen|Tag|days)\\b").matcher(text).find(), "calendar dates only");
        assertTrue(text.contains("Video Monthly kündigen"), text);
        link(text);

        runJob();
        PortalRestart.restart(() -> { });
        runJob();
        TestData.awaitDelivered(portal, email, REMINDERS, 1);
        assertEquals(1, SMTP.getReceivedMessagesForDomain(email).length, "one reminder, however often the job runs");
    }

    @Test
    void theLinkSignsInToThatOneSubscriptionCancelsItWithOneClickAndThenFailsKindly() throws Exception {
        String email = subscriber("cus_lee", "Kim Lee", "en", "America/Los_Angeles", "US");
        subscription("sub_trial", "cus_lee", shop.plan(), -20, -20, 10, true);
        subscription("sub_keep", "cus_lee", shop.plan(), -40, -10, 20, false);
        runJob();
        TestData.awaitDelivered(portal, email, REMINDERS, 1);
        String link = link(textOf(onlyEmailTo(email)));

        try (Browser browser = new Browser(portal, "en-US", false)) {
            browser.openUrl(link);
            assertEquals("Continue to your subscription", browser.heading());
            List<String> violations = new ArrayList<>(scan(browser, "reminder-link-confirm-en"));
            browser.press(CONTINUE);
            assertTrue(browser.url().contains("/account#subscription-"), browser.url());
            List<String> cards = browser.idsOf("section.card");
            assertEquals(1, cards.size(), "only the subscription the reminder is about: " + browser.text());
            browser.pressWithin(cards.get(0), "Cancel at the end of the period");
            assertEquals("Your cancellation is confirmed", browser.heading());
            assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_trial").json()
                    .getString("status"));
            assertEquals("ACTIVE", shop.client().get("subscriptions/sub_keep").json().getString("status"));

            browser.forgetSession();
            follow(browser, link);
            assertEquals("This link no longer works", browser.heading());
            assertTrue(browser.text().contains("Nothing has been changed."), browser.text());
            assertEquals(List.of("Sign in to your account", "Cancel without signing in"), linksIn(browser));
            violations.addAll(scan(browser, "reminder-link-used-en"));
            browser.open("account");
            assertTrue(browser.url().contains("/login"), "a used link signs nobody in: " + browser.url());

            try (Browser german = new Browser(portal, "de-DE", false)) {
                german.openUrl(link);
                assertEquals("Weiter zu Ihrem Abo", german.heading());
                violations.addAll(scan(german, "reminder-link-confirm-de"));
                german.press("Weiter zu meinem Abo");
                assertEquals("Dieser Link funktioniert nicht mehr", german.heading());
                violations.addAll(scan(german, "reminder-link-used-de"));
            }
            assertEquals(List.of(), violations);
        }
    }

    @Test
    void aPriceChangeThroughTheApiOrTheImportSendsANoticeWithTheOldAndTheNewPrice() throws Exception {
        String plus = fixture("POST", "plan=Video+Plus&price=14.99");
        String date = longDate(Locale.ENGLISH, TestTime.midnightInDays(20), "America/New_York");

        String byApi = subscriber("cus_api", "Ana Ruiz", "en", "America/New_York", "US");
        subscription("sub_api", "cus_api", shop.plan(), -40, -10, 20, false);
        subscription("sub_api", "cus_api", plus, -40, -10, 20, false);
        TestData.awaitDelivered(portal, byApi, REMINDERS, 1);
        MimeMessage notice = onlyEmailTo(byApi);
        assertEquals("The price of Video Plus changes on " + date, notice.getSubject());
        String text = textOf(notice);
        assertTrue(text.contains("Price until then: €9.99 per month"), text);
        assertTrue(text.contains("New price: €14.99 per month"), text);
        assertTrue(text.contains("New price from: " + date), text);
        link(text);
        subscription("sub_api", "cus_api", plus, -40, -10, 20, false);
        TestData.awaitDelivered(portal, byApi, REMINDERS, 1);

        String byImport = subscriber("cus_imp", "Bo Park", "en", "America/New_York", "US");
        subscription("sub_imp", "cus_imp", shop.plan(), -40, -10, 20, false);
        try (Browser admin = new Browser(portal, "en-US", false)) {
            TestData.Person person = TestData.newStaff(portal, "admin");
            admin.signIn(person.email(), person.password());
            admin.open("admin/import");
            upload(admin, "cus_imp," + byImport + ",Bo Park,en,America/New_York,sub_imp," + plus + ","
                    + TestTime.isoMidnightInDays(-40) + "," + TestTime.isoMidnightInDays(-10) + ","
                    + TestTime.isoMidnightInDays(20) + ",,US");
            assertTrue(admin.text().contains("Imported all 1 rows"), admin.text());
        }
        TestData.awaitDelivered(portal, byImport, REMINDERS, 1);
        String imported = textOf(onlyEmailTo(byImport));
        assertTrue(imported.contains("Price until then: €9.99 per month"), imported);
        assertTrue(imported.contains("New price: €14.99 per month"), imported);
    }

    @Test
    void inTheUkAMonthlyPlanIsRemindedEverySixMonthsAndATrialThatBecamePaidBringsTheCoolingOffNotice()
            throws Exception {
        String email = subscriber("cus_uk", "Alex Hill", "en", "UTC", "GB");
        LocalDate charge = TestTime.today().plusDays(10);
        subscription("sub_monthly", "cus_uk", shop.plan(), daysFromToday(charge.minusMonths(6)),
                daysFromToday(charge.minusMonths(1)), 10, false);
        subscription("sub_converted", "cus_uk", shop.plan(), -20, 0, 30, Long.valueOf(0));

        runJob();
        TestData.awaitDelivered(portal, email, REMINDERS, 2);
        List<String> subjects = new ArrayList<>();
        String coolingOff = null;
        for (MimeMessage received : SMTP.getReceivedMessagesForDomain(email)) {
            subjects.add(received.getSubject());
            if (received.getSubject().startsWith("You can still")) {
                coolingOff = textOf(received);
            }
        }
        assertEquals(List.of("Your Video Monthly subscription renews on " + longDate(Locale.ENGLISH,
                TestTime.midnightInDays(10), "UTC"), "You can still change your mind about Video Monthly"),
                subjects.stream().sorted(java.util.Comparator.reverseOrder()).toList(), subjects.toString());
        assertTrue(coolingOff.contains("you have until " + longDate(Locale.ENGLISH, TestTime.midnightInDays(14), "UTC")
                + " to change your mind"), coolingOff);
        link(coolingOff);
    }

    private static long daysFromToday(LocalDate day) {
        return ChronoUnit.DAYS.between(TestTime.today(), day);
    }

    @Test
    void aCountryIsTwoCapitalLettersThatExistOrNone() {
        for (String wrong : List.of("de", "XX", "DEU")) {
            OperatorClient.Reply reply = shop.client().put("subscribers/cus_x", "{\"email\":\"x-" + unique
                    + "@example.com\",\"name\":\"X\",\"country\":\"" + wrong + "\"}");
            assertEquals(400, reply.status(), reply.body());
            assertEquals(List.of("country"), reply.named(), reply.body());
        }
        OperatorClient.Reply none = shop.client().put("subscribers/cus_x", "{\"email\":\"x-" + unique
                + "@example.com\",\"name\":\"X\"}");
        assertEquals(201, none.status(), none.body());
        assertTrue(none.json().isNull("country"));
        assertEquals("GB", shop.client().put("subscribers/cus_x", "{\"email\":\"x-" + unique
                + "@example.com\",\"name\":\"X\",\"country\":\"GB\"}").json().getString("country"));
    }

    @Test
    void theSupportDeskListsTheRemindersAndTheDashboardCountsCancellationsAfterThem() throws Exception {
        String email = subscriber("cus_sam", "Sam Otto", "en", "UTC", "US");
        String link = trialReminderLink("cus_sam", email);

        try (Browser support = new Browser(portal, "en-US", false)) {
            TestData.Person agent = TestData.newStaff(portal, "support");
            support.signIn(agent.email(), agent.password());
            support.open("support/subscriber?id=" + fixture("GET", "subscriber="
                    + URLEncoder.encode(email, StandardCharsets.UTF_8)));
            List<String> rows = support.rowsOf("reminders");
            assertEquals(1, rows.size(), rows.toString());
            assertTrue(rows.get(0).startsWith("Free trial ends " + TestTime.today().plusDays(10)), rows.toString());
            assertTrue(rows.get(0).contains("Sent "), rows.toString());
        }

        try (Browser product = new Browser(survey, "en-US")) {
            product.open("insights");
            TestData.Person person = TestData.newStaff(portal, "product");
            product.field("login:email").sendKeys(person.email());
            product.field("login:password").sendKeys(person.password());
            product.press("Sign in");
            int before = Integer.parseInt(product.textOf("cancelled-after-reminder"));
            assertTrue(Integer.parseInt(product.textOf("reminders-TRIAL_CONVERSION")) >= 1);

            TestData.cancelAsSubscriber(portal, TestData.newSubscriber(portal), "END_OF_PERIOD");
            try (Browser subscriber = new Browser(portal, "en-US", false)) {
                follow(subscriber, link);
                subscriber.pressWithin(subscriber.idsOf("section.card").get(0), "Cancel at the end of the period");
                assertEquals("Your cancellation is confirmed", subscriber.heading());
            }
            product.refresh();
            assertEquals(before + 1, Integer.parseInt(product.textOf("cancelled-after-reminder")),
                    "the cancellation after the reminder counts, the one without a reminder does not");
        }
    }

    @Test
    void openingTheLinkAloneLeavesWhoeverIsSignedInSignedInAndAnotherSitesPostIsRefused() throws Exception {
        String email = subscriber("cus_ola", "Ola Berg", "en", "UTC", "US");
        String link = trialReminderLink("cus_ola", email);
        TestData.Person someoneElse = TestData.newSubscriber(portal);

        try (Browser browser = new Browser(portal, "en-US", false)) {
            browser.signIn(someoneElse.email(), someoneElse.password());
            String signedIn = browser.cookie("JSESSIONID");

            browser.openUrl(link);
            assertEquals("Continue to your subscription", browser.heading());
            assertTrue(browser.text().contains("Someone is signed in on this device now."), browser.text());
            browser.open("account");
            assertTrue(browser.url().endsWith("/account"), "still signed in: " + browser.url());
            assertEquals(signedIn, browser.cookie("JSESSIONID"), "the same session");
            assertTrue(browser.idsOf("section.card").contains("subscription-" + someoneElse.subscriptionId()),
                    "still the person who signed in: " + browser.text());

            assertEquals(403, crossSitePost(link), "another site's form does not use the link");

            follow(browser, link);
            assertTrue(browser.url().contains("/account#subscription-"), "the link still works: " + browser.url());
            assertFalse(signedIn.equals(browser.cookie("JSESSIONID")), "a fresh session");
            assertEquals(1, browser.idsOf("section.card").size(), browser.text());
            assertFalse(browser.idsOf("section.card").contains("subscription-" + someoneElse.subscriptionId()),
                    "the person before is signed out");
        }
        assertEquals("ACTIVE", shop.client().get("subscriptions/sub_trial").json().getString("status"));
    }

    /** The link in the one reminder sent for a trial of this subscriber's ending in 10 days. */
    private String trialReminderLink(String subscriber, String email) throws Exception {
        subscription("sub_trial", subscriber, shop.plan(), -20, -20, 10, true);
        runJob();
        TestData.awaitDelivered(portal, email, REMINDERS, 1);
        return link(textOf(onlyEmailTo(email)));
    }

    /** Opens a reminder's link and presses its one button, as the subscriber does. */
    private static void follow(Browser browser, String link) {
        browser.openUrl(link);
        browser.press(CONTINUE);
    }

    /** The form another site could put up: the link's token and signature, posted from elsewhere. */
    private static int crossSitePost(String link) throws Exception {
        URI uri = URI.create(link);
        HttpRequest post = HttpRequest.newBuilder(uri.resolve(uri.getRawPath()))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(uri.getRawQuery())).build();
        return java.net.http.HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String subscriber(String id, String name, String language, String zone, String country) {
        String email = id + "-" + unique + "@example.com";
        OperatorClient.Reply reply = shop.client().put("subscribers/" + id, "{\"email\":\"" + email + "\",\"name\":\""
                + name + "\",\"locale\":\"" + language + "\",\"time_zone\":\"" + zone + "\",\"country\":\"" + country
                + "\"}");
        assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
        return email;
    }

    /** Days from today, at midnight UTC; a trial ends with the period. */
    private void subscription(String id, String subscriber, String plan, long started, long periodStart,
                              long periodEnd, boolean trial) {
        subscription(id, subscriber, plan, started, periodStart, periodEnd, trial ? Long.valueOf(periodEnd) : null);
    }

    private void subscription(String id, String subscriber, String plan, long started, long periodStart,
                              long periodEnd, Long trialEnds) {
        OperatorClient.Reply reply = shop.client().put("subscriptions/" + id, "{\"subscriber\":\"" + subscriber
                + "\",\"plan\":\"" + plan + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(started)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(periodStart)
                + "\",\"current_period_end\":\"" + TestTime.isoMidnightInDays(periodEnd) + "\""
                + (trialEnds != null ? ",\"trial_ends_at\":\"" + TestTime.isoMidnightInDays(trialEnds) + "\"" : "")
                + "}");
        assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
    }

    private void runJob() {
        fixture("POST", "");
    }

    private String fixture(String method, String query) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + "test-fixtures/reminders?" + query));
            request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
            HttpResponse<String> response = TestServer.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void upload(Browser admin, String row) throws IOException {
        Path file = Files.createTempFile("reminders-", ".csv");
        Files.writeString(file, CSV_HEADER + "\n" + row + "\n", StandardCharsets.UTF_8);
        admin.choose("import:operator", "Shop " + shop.code().substring(3) + " (" + shop.code() + ")");
        admin.field("import:file").sendKeys(file.toAbsolutePath().toString());
        admin.press("Import");
    }

    private static String longDate(Locale locale, Instant instant, String zone) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(
                ZoneId.of(zone)));
    }

    private static List<String> linksIn(Browser browser) {
        return browser.driverFind(org.openqa.selenium.By.cssSelector("#other-ways a")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    private static List<String> scan(Browser browser, String name) {
        List<String> found = new ArrayList<>();
        for (Dimension size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            browser.accessibilityViolations(size).forEach(violation -> found.add(name + " " + size + ": "
                    + violation));
            browser.screenshot(name + "-" + size.getWidth(), size);
        }
        return found;
    }

    private MimeMessage onlyEmailTo(String address) {
        TestServer.eventually("an email to " + address)
                .until(() -> SMTP.getReceivedMessagesForDomain(address).length > 0);
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
