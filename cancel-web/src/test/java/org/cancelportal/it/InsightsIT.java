package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The product team's insights on a fixed set of four cancellations (see InsightsFixture), each figure counted by hand;
 * who may see them; that anonymous answers stay anonymous everywhere; and that replies reach only those who agreed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InsightsIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String API_KEY = "test-insights-key";
    private static final String DASHBOARD = "What the people who left are telling us";

    Browser browser;
    TestData.InsightsData data;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(survey, "en-US");
        data = TestData.insightsData(portal);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anonymousPeopleAreSentToSignInAndOnlyTheProductTeamAndAdminsGetIn() throws Exception {
        HttpResponse<String> anonymous = get("insights", null, null);
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().endsWith("/exit-survey/login"));

        for (TestData.Person outsider : List.of(TestData.newSubscriber(portal), TestData.newStaff(portal, "support"))) {
            browser.forgetSession();
            browser.open("insights");
            signIn(outsider);
            assertEquals("This page is not open to your account", browser.heading(), outsider.email());
            assertFalse(browser.text().contains(data.marker()));
        }
        for (String role : List.of("product", "admin")) {
            browser.forgetSession();
            browser.open("insights");
            signIn(TestData.newStaff(portal, role));
            assertEquals(DASHBOARD, browser.heading(), role);
        }
    }

    @Test
    void theDashboardShowsFiguresCountedByHandAndEveryFilterNarrowsThem() throws Exception {
        signInAsProduct();
        browser.open("insights?plan=" + data.plan());

        assertEquals("4", browser.textOf("cancelled"), "the withdrawal is not a cancellation");
        assertTrue(browser.textOf("withdrawals").replaceAll("\\s+", " ").startsWith("1 (contracts withdrawn from"),
                "beside the cancellations: " + browser.textOf("withdrawals"));
        assertEquals("1 (25%)", browser.textOf("undone").replaceAll("\\s+", " "));
        assertEquals("3", browser.textOf("responses"));
        assertEquals("100% 3 of 3 invitations", browser.textOf("response-rate").replaceAll("\\s+", " "));
        assertEquals("Under 30 seconds", browser.textOf("median-journey"));
        assertEquals(List.of("It's too expensive 2 67%", "I don't use it enough 1 33%"), rows("reasons-table"));
        assertEquals(List.of("Less than a month 2 50%", "1 to 6 months 0 0%", "6 to 12 months 1 25%",
                "1 to 2 years 1 25%", "More than 2 years 0 0%"), rows("tenure-table"));
        assertEquals(List.of("Under 30 seconds 2 67%", "30 seconds to 2 minutes 1 33%", "2 to 10 minutes 0 0%",
                "10 to 60 minutes 0 0%", "More than an hour 0 0%"), rows("journey-table"));
        browser.screenshot("insights-en-desktop", Browser.DESKTOP);
        browser.screenshot("insights-en-phone", Browser.PHONE);

        browser.choose("language", "German");
        browser.press("Show");
        assertTrue(browser.url().contains("language=de"), browser.url());
        assertEquals(List.of("1", "1"), List.of(browser.textOf("cancelled"), browser.textOf("responses")));

        browser.open("insights?plan=" + data.plan() + "&channel=SUPPORT");
        assertEquals(List.of("1", "1"), List.of(browser.textOf("cancelled"), browser.textOf("responses")));
        assertTrue(browser.textOf("withdrawals").replaceAll("\\s+", " ").startsWith("0 "),
                "narrowed as well: " + browser.textOf("withdrawals"));
        browser.open("insights?plan=" + data.plan() + "&tenure=1_to_2_years");
        assertEquals(List.of("1", "1"), List.of(browser.textOf("cancelled"), browser.textOf("responses")));
        browser.open("insights?plan=" + data.plan() + "&reason=unused");
        assertEquals(List.of("4", "1"), List.of(browser.textOf("cancelled"), browser.textOf("responses")));
        assertTrue(browser.textOf("reason-note").contains("the reason filter narrows the answers only"));
        browser.open("insights?plan=" + data.plan() + "&from=" + TestTime.today().minusDays(400) + "&to="
                + TestTime.today().minusDays(370));
        assertEquals(List.of("0", "0"), List.of(browser.textOf("cancelled"), browser.textOf("responses")));

        browser.open("insights?plan=" + data.plan() + "&tenure=forever&from=yesterday");
        assertTrue(browser.text().contains("Time with us: we don't know that value, so we show all instead."));
        assertTrue(browser.text().contains("From: please give a date like 2026-03-31."));
        assertEquals("4", browser.textOf("cancelled"));
    }

    @Test
    void theFollowThroughFiguresCountRefundsAsTheOperatorConfirmedThem() throws Exception {
        OperatorClient.Created shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        String paid = cancelWithRefund(shop, "a");
        cancelWithRefund(shop, "b");
        OperatorClient.Reply confirmed = shop.client().post("cancellations/" + paid + "/refund",
                "{\"status\":\"paid\",\"paid_on\":\"" + TestTime.today() + "\",\"payment_reference\":\"re_1\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(200, confirmed.status(), confirmed.body());

        signInAsProduct();
        browser.open("insights?plan=" + shop.plan());
        assertEquals("2", browser.textOf("refunds"));
        assertEquals("1 (50%)", browser.textOf("refunds-paid-on-time").replaceAll("\\s+", " "));
        assertEquals("1 (50%)", browser.textOf("refunds-due").replaceAll("\\s+", " "));
        for (String none : List.of("refunds-paid-late", "refunds-overdue", "refunds-failed")) {
            assertEquals("0 (0%)", browser.textOf(none).replaceAll("\\s+", " "), none);
        }
        assertEquals("under a minute from 1 paid refund",
                browser.textOf("median-time-to-refund").replaceAll("\\s+", " "));
        assertEquals("0", browser.textOf("renewals-held-back"));
        browser.screenshot("insights-follow-through-en-desktop", Browser.DESKTOP);
        browser.screenshot("insights-follow-through-en-phone", Browser.PHONE);
        assertEquals(List.of(), browser.accessibilityViolations(Browser.PHONE));
        assertEquals(List.of(), browser.accessibilityViolations(Browser.DESKTOP));

        HttpResponse<String> summary = get("api/v1/insights/summary?plan=" + shop.plan(), null, API_KEY);
        assertEquals(200, summary.statusCode());
        assertTrue(summary.body().contains("\"followThrough\":{"), summary.body());
        for (String figure : List.of("\"refunds\":2", "\"due\":1", "\"paidOnTime\":1", "\"paidLate\":0",
                "\"medianFromPaid\":1", "\"medianTimeToRefund\":\"PT")) {
            assertTrue(summary.body().contains(figure), figure + " in " + summary.body());
        }

        browser.open("insights?plan=" + data.plan());
        assertEquals("No refunds in this period.", browser.textOf("no-refunds"));
        assertFalse(browser.text().contains("Paid on time"), "no shares of nothing");
        assertEquals(List.of(), browser.accessibilityViolations(Browser.PHONE));
    }

    /** A customer of the shop cancelled at once through the API, with a refund to follow; returns the reference. */
    private static String cancelWithRefund(OperatorClient.Created shop, String customer) {
        shop.client().put("subscribers/cus_" + customer, "{\"email\":\"refund-" + customer + "-" + shop.code()
                + "@example.com\",\"name\":\"Robin " + customer + "\"}");
        shop.client().put("subscriptions/sub_" + customer, "{\"subscriber\":\"cus_" + customer + "\",\"plan\":\""
                + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-10)
                + "\",\"current_period_end\":\"" + TestTime.isoMidnightInDays(20) + "\"}");
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/sub_" + customer + "/cancel",
                "{\"mode\":\"IMMEDIATE\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        assertFalse(cancelled.json().getJsonObject("refund").getString("amount").matches("0(\\.0+)?"),
                "a refund to follow: " + cancelled.body());
        return cancelled.json().getString("reference");
    }

    @Test
    void theProductTeamReadsItInGermanToo() {
        try (Browser german = new Browser(survey, "de-DE")) {
            german.open("insights?plan=" + data.plan());
            TestData.Person product = TestData.newStaff(portal, "product");
            german.field("login:email").sendKeys(product.email());
            german.field("login:password").sendKeys(product.password());
            german.press("Anmelden");
            german.open("insights?plan=" + data.plan());

            assertEquals("Was uns die Menschen sagen, die gegangen sind", german.heading());
            assertEquals("4", german.textOf("cancelled"));
            assertEquals(List.of("Es ist zu teuer 2 67 %", "Ich nutze es zu wenig 1 33 %"), german.rowsOf("reasons-table")
                    .stream().map(row -> row.replace('\u00a0', ' ')).toList());
            german.screenshot("insights-de-phone", Browser.PHONE);
            german.open("insights/answers?plan=" + data.plan());
            assertEquals("In ihren eigenen Worten", german.heading());
            german.screenshot("insights-answers-de-phone", Browser.PHONE);
        }
    }

    @Test
    void withoutJavaScriptAFilterLeadsToAnExportOfTheAnswersAndNothingThatIdentifiesAnyone() throws Exception {
        browser.close();
        browser = new Browser(survey, "en-US", false);
        signInAsProduct();
        browser.choose("plan", "Insights Plan " + data.marker());
        browser.press("Show");
        assertEquals("4", browser.textOf("cancelled"));
        String link = browser.linkTarget("Download these answers (CSV)");

        HttpResponse<String> csv = get(link, browser.cookieHeader(), null);

        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(4, lines.size(), csv.body());
        assertTrue(csv.body().contains("Anonyme Worte " + data.marker()));
        assertNothingIdentifies(csv.body());
        lines.stream().skip(1).forEach(line -> assertTrue(line.split(",")[1].matches("\\d{4}-\\d\\d-\\d\\d"),
                "only the day an answer was given: " + line));
    }

    @Test
    void anonymousAnswersShowNothingAboutThePersonOnThePagesOrInTheApi() throws Exception {
        signInAsProduct();
        browser.open("insights/answers?plan=" + data.plan());

        assertTrue(browser.text().contains("Anonyme Worte " + data.marker()));
        assertTrue(browser.text().contains("Anonymous"));
        assertNothingIdentifies(browser.html());
        HttpResponse<String> api = get("api/v1/responses?plan=" + data.plan(), null, API_KEY);
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("Anonyme Worte " + data.marker()));
        assertNothingIdentifies(api.body());
        assertFalse(api.body().matches("(?s).*\"(subscriber|subscriberId|email|name|cancellationId)\".*"), api.body());
        assertTrue(api.body().contains("\"submittedAt\":\""), api.body());
        assertFalse(api.body().matches("(?s).*\"submittedAt\":\"[^\"]*T.*"), "the day only: " + api.body());
    }

    @Test
    void aReplyReachesOnlySomeoneWhoAgreedAndReachesThemOnce() throws Exception {
        TestData.Former agreed = data.people().get("A");
        signInAsProduct();
        browser.open("insights/answers?plan=" + data.plan());
        String agreedCard = "answer-" + agreed.responseId();
        assertTrue(browser.textOf(agreedCard).contains("Reply by email"));
        assertFalse(browser.textOf("answer-" + data.people().get("B").responseId()).contains("Reply by email"),
                "anonymous: no reply form");
        assertFalse(browser.textOf("answer-" + data.people().get("D").responseId()).contains("Reply by email"),
                "did not agree: no reply form");

        browser.within(agreedCard, "textarea").sendKeys("We lowered the student price today.");
        browser.pressWithin(agreedCard, "Send reply");

        assertTrue(browser.text().contains("Your reply is on its way."));
        TestData.awaitDelivered(portal, agreed.email(), "survey-reply-email", 1);
        List<MimeMessage> toAgreed = messagesTo(agreed.email());
        assertEquals(1, toAgreed.size());
        assertEquals(List.of(), messagesTo(data.people().get("B").email()));
        assertEquals(List.of(), messagesTo(data.people().get("D").email()));
        String text = GreenMailUtil.getBody(toAgreed.get(0));
        assertEquals("A reply to your answer", toAgreed.get(0).getSubject());
        assertTrue(text.contains("We lowered the student price today."), text);
        assertTrue(text.contains("Zu teuer for me " + data.marker()), text);
        browser.refresh();
        assertTrue(browser.textOf("answer-" + agreed.responseId()).contains("We lowered the student price today."));
        assertTrue(browser.textOf("answer-" + agreed.responseId()).contains("· sent"));
    }

    @Test
    void tagsReviewAndSearchNarrowTheAnswers() throws Exception {
        long a = data.people().get("A").responseId();
        long b = data.people().get("B").responseId();
        long d = data.people().get("D").responseId();
        signInAsProduct();
        browser.open("insights/answers?plan=" + data.plan());
        assertEquals(List.of(d, b, a).size(), answerIds().size());

        browser.within("answer-" + d, "input[type=text]").sendKeys("Rarely Used");
        browser.pressWithin("answer-" + d, "Add");
        browser.pressWithin("answer-" + a, "Mark as reviewed");
        assertTrue(browser.textOf("answer-" + a).contains("Reviewed"));
        assertTrue(browser.textOf("answer-" + d).contains("rarely-used"));
        browser.within("answer-" + b, "input[type=text]").sendKeys("no good!");
        browser.pressWithin("answer-" + b, "Add");
        assertTrue(browser.text().contains("A tag is one short word or words joined by hyphens"));
        assertFalse(browser.textOf("answer-" + b).contains("no-good"));

        browser.open("insights/answers?plan=" + data.plan() + "&tag=rarely-used");
        assertEquals(List.of(d), answerIds());
        browser.open("insights/answers?plan=" + data.plan() + "&reviewed=yes");
        assertEquals(List.of(a), answerIds());
        browser.open("insights/answers?plan=" + data.plan() + "&reviewed=no");
        assertEquals(2, answerIds().size());
        browser.open("insights/answers?plan=" + data.plan() + "&q=anonym");
        assertEquals(List.of(b), answerIds());
        browser.screenshot("insights-answers-en-desktop", Browser.DESKTOP);
    }

    @Test
    void theApiWantsAKeyOrTheRoleAndNamesEachParameterItCannotUse() throws Exception {
        HttpResponse<String> none = get("api/v1/insights/summary", null, null);
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertEquals(401, get("api/v1/insights/summary", null, "not-the-key").statusCode());

        HttpResponse<String> summary = get("api/v1/insights/summary?plan=" + data.plan(), null, API_KEY);
        assertEquals(200, summary.statusCode());
        assertTrue(summary.body().contains("\"cancelled\":4"), summary.body());
        assertTrue(summary.body().contains("\"undone\":1"), summary.body());
        assertTrue(summary.body().contains("\"responses\":3"), summary.body());

        HttpResponse<String> wrong = get("api/v1/responses?plan=nope&from=31.12.2026&size=1000", null, API_KEY);
        assertEquals(400, wrong.statusCode());
        for (String parameter : List.of("plan", "from", "size")) {
            assertTrue(wrong.body().contains("\"parameter\":\"" + parameter + "\""), wrong.body());
        }

        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            HttpResponse<String> page = get("api/v1/responses?size=1&plan=" + data.plan() + after, null, API_KEY);
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(page.body());
            while (id.find()) {
                seen.add(id.group(1));
            }
            Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(page.body());
            after = next.find() ? "&after=" + next.group(1) : null;
        } while (after != null);
        assertEquals(3, seen.size(), seen::toString);
        assertEquals(3, seen.stream().distinct().count());

        browser.open("insights");
        signIn(TestData.newStaff(portal, "support"));
        assertEquals(403, get("api/v1/insights/summary", browser.cookieHeader(), null).statusCode());
        browser.forgetSession();
        signInAsProduct();
        assertEquals(200, get("api/v1/insights/summary", browser.cookieHeader(), null).statusCode());
    }

    @Test
    void aPlanCodeTwoOperatorsGaveTheirOwnPlansIsOfferedOnceAndSaysItsFiguresCountBoth() {
        String code = "both-" + data.marker();
        for (String shop : List.of("A", "B")) {
            OperatorClient.Reply own = OperatorClient.newOperator(portal, "https://shop.example.com").client()
                    .put("plans/" + code, "{\"name\":\"Shop " + shop + " Plan\",\"price\":\"5.00\","
                            + "\"currency\":\"EUR\",\"billing_period\":\"MONTHLY\"}");
            assertEquals(201, own.status(), own.body());
        }

        signInAsProduct();
        browser.open("insights?plan=" + code);
        List<String> offered = browser.driverFind(By.cssSelector("select[name=plan] option")).stream()
                .filter(option -> code.equals(option.getAttribute("value"))).map(option -> option.getText().strip())
                .toList();
        assertEquals(List.of("Shop A Plan / Shop B Plan (code " + code
                + ": 2 plans, of several operators, counted together)"), offered);
        assertEquals("0", browser.textOf("cancelled"), "the code is a filter that can be used");
    }

    private void signInAsProduct() {
        browser.open("insights");
        signIn(TestData.newStaff(portal, "product"));
        assertEquals(DASHBOARD, browser.heading());
    }

    private void signIn(TestData.Person person) {
        browser.field("login:email").sendKeys(person.email());
        browser.field("login:password").sendKeys(person.password());
        browser.press("Sign in");
    }

    private List<String> rows(String tableId) {
        return browser.rowsOf(tableId);
    }

    private List<Long> answerIds() {
        Matcher id = Pattern.compile("<li class=\"answer\" id=\"answer-(\\d+)\"").matcher(browser.html());
        List<Long> ids = new ArrayList<>();
        while (id.find()) {
            ids.add(Long.parseLong(id.group(1)));
        }
        return ids;
    }

    private void assertNothingIdentifies(String shown) {
        for (TestData.Former person : data.people().values()) {
            assertFalse(shown.contains(person.email()), person.email());
            assertFalse(shown.contains(person.name()), person.name());
        }
    }

    private List<MimeMessage> messagesTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))) {
                found.add(message);
            }
        }
        return found;
    }

    private HttpResponse<String> get(String pathOrUrl, String cookies, String apiKey) throws Exception {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(survey + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (cookies != null && !cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return org.cancelportal.it.support.TestServer.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
