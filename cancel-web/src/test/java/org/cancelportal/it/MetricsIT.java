package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.api.OperatorClient.Reply;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.browser.TestData.Person;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.metrics.Scrape;
import org.cancelportal.it.support.SurveyForm;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /metrics as a Prometheus scraper reads it: only with the scrape login, over HTTPS, and with the domain figures
 * moving as cancellations, undos, refunds, failing emails and webhooks, and survey answers happen. Other tests share
 * the server, so every figure is compared with a reading taken before. Both applications are deployed, as in
 * production: /metrics is the server's, and the survey's answers are counted by the exit survey.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT extends BothApplications {

    /** Every other email of these tests reaches a mail server, so only the one made to fail counts as failing. */
    @RegisterExtension
    static final GreenMailExtension MAILBOX = TestServer.mailbox();

    private static final String API_END_OF_PERIOD = "API,END_OF_PERIOD";
    private static final String SURVEY_ANSWERS = "survey_answers_total";
    private static final String WEBHOOK_FAILURES = "webhook_failures_total";

    @Test
    void metricsAnswerOnlyTheScrapeLoginAndOnlyOverHttps() throws java.io.IOException {
        assertEquals(401, Scrape.get(Scrape.HTTPS, null, null).statusCode(), "no login");
        assertEquals(401, Scrape.get(Scrape.HTTPS, Scrape.USER, "guessed").statusCode(), "a wrong password");
        assertEquals(401, Scrape.get(Scrape.HTTPS, "anna@example.com", "demo1234").statusCode(),
                "a portal login is not a scrape login");
        HttpResponse<String> plain = Scrape.get(Scrape.HTTP, Scrape.USER, Scrape.PASSWORD);
        assertNotEquals(200, plain.statusCode(), "plain http, where the password would travel readable");
        assertTrue(plain.headers().firstValue("Location").orElse("").startsWith("https://"),
                () -> "sent on to https: " + plain.headers().map());

        String text = Scrape.take().text();
        assertTrue(text.contains("# TYPE "), "the scrape login reads Prometheus text");
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "metrics-scrape.txt"), text); // to look at
    }

    @Test
    void cancellationsAndUndosAreCountedByChannelAndModeAndEveryCancelRequestIsTimed() {
        Scrape before = Scrape.take();
        OperatorClient.Created shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        OperatorClient api = shop.client();
        String subscription = apiSubscription(shop);
        Reply first = api.post("subscriptions/" + subscription + "/cancel", "{}", "Idempotency-Key", "metrics-1");
        assertEquals(201, first.status(), first.body());
        assertEquals(201, api.post("subscriptions/" + subscription + "/cancel", "{}", "Idempotency-Key", "metrics-1")
                .status(), "a replay");
        Person person = TestData.newSubscriber(portal);
        TestData.undoAsSubscriber(portal, person, TestData.cancelAsSubscriber(portal, person, "END_OF_PERIOD"));

        TestServer.eventually("the cancellations counted").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(1, moved(before, after, "cancellations_total", cancellations(API_END_OF_PERIOD)),
                    "the API's cancellation, once: a replay is no second cancellation");
            assertEquals(0, moved(before, after, "cancellations_total", cancellations("API,IMMEDIATE")));
            assertEquals(1, moved(before, after, "cancellations_total", cancellations("WEB,END_OF_PERIOD")));
            assertEquals(1, moved(before, after, "cancellation_undos_total", Map.of("channel", "WEB")));
            assertEquals(0, moved(before, after, "cancellation_undos_total", Map.of("channel", "API")));
            assertEquals(1, moved(before, after, "cancellation_latency_seconds_count", Map.of("channel", "API")),
                    "the cancel timed; the replay is answered from the stored response, without the service");
            assertEquals(1, moved(before, after, "cancellation_latency_seconds_bucket",
                    Map.of("channel", "API", "le", "+Inf")), "a histogram with buckets:\n" + after.text());
        });
    }

    @Test
    void refundsAreCountedAsDueThenAsOverdueWhenTheOperatorDoesNotConfirmThemInTime() {
        Scrape before = Scrape.take();
        OperatorClient.Created shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        Reply cancelled = shop.client().post("subscriptions/" + apiSubscription(shop) + "/cancel", "{\"mode\":\"IMMEDIATE\"}",
                "Idempotency-Key", "metrics-refund");
        assertEquals(201, cancelled.status(), cancelled.body());
        TestServer.eventually("the refund counted as due").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(1, moved(before, after, "refunds_due", Map.of()));
            assertEquals(0, moved(before, after, "refunds_overdue", Map.of()));
        });

        TestData.letRefundRunOut(portal, cancelled.json().getString("reference"));
        TestServer.eventually("the refund counted as overdue").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(0, moved(before, after, "refunds_due", Map.of()));
            assertEquals(1, moved(before, after, "refunds_overdue", Map.of()));
        });
    }

    @Test
    void anEmailThatCannotBeSentCountsEveryFailedAttemptAndItsDeadDelivery() {
        Map<String, String> receipts = Map.of("consumer", "receipt-email");
        Scrape before = Scrape.take();
        assertTrue(before.has("outbox_lag_seconds", receipts), "each consumer's lag is shown:\n" + before.text());
        Person person = TestData.newSubscriber(portal);
        TestData.changeMailAddress(portal, person.email(), "not an address");
        TestData.cancelAsSubscriber(portal, person, "END_OF_PERIOD");

        TestServer.eventually("the receipt given up on").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(1, moved(before, after, "outbox_dead_deliveries", receipts));
            assertEquals(10, moved(before, after, "email_failures_total", Map.of("kind", "CANCELLATION_RECEIPT")),
                    "one failure for each of the outbox.max-attempts (the survey invitation fails beside it)");
        });
    }

    @Test
    void surveyAnswersAreCountedAsFirstThenAsChanged() {
        Scrape before = Scrape.take();
        Person person = TestData.newSubscriber(portal, "en");
        TestData.cancelAsSubscriber(portal, person, "END_OF_PERIOD");
        String link = SurveyForm.invitationLink(MAILBOX, person.email());

        SurveyForm.answer(link, new SurveyForm.Answer("too_expensive", "My first answer.", "", false, false));
        TestServer.eventually("the first answer counted").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(1, moved(before, after, SURVEY_ANSWERS, Map.of("answer", "first")));
            assertEquals(0, moved(before, after, SURVEY_ANSWERS, Map.of("answer", "changed")));
        });

        SurveyForm.answer(link, new SurveyForm.Answer("unused", "On second thought.", "", false, false));
        TestServer.eventually("the change counted").untilAsserted(() -> {
            Scrape after = Scrape.take();
            assertEquals(1, moved(before, after, SURVEY_ANSWERS, Map.of("answer", "first")),
                    "a change is no new answer");
            assertEquals(1, moved(before, after, SURVEY_ANSWERS, Map.of("answer", "changed")));
        });
    }

    /** The test server's webhook schedule is 1 s, 20 s, 1 s: three attempts retried later, then the dead one. */
    @Test
    void aWebhookEndpointThatKeepsFailingCountsEachRetriedAttemptAndTheDeadOne() {
        Scrape before = Scrape.take();
        OperatorClient.Created shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        try (Receiver receiver = new Receiver()) {
            receiver.answer("/failing", 500);
            assertEquals(201, shop.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url("/failing")
                    + "\",\"events\":[\"subscription.cancellation_scheduled\"]}").status());

            assertEquals(201, shop.client().post("subscriptions/" + apiSubscription(shop) + "/cancel", "{}",
                    "Idempotency-Key", UUID.randomUUID().toString()).status());

            TestServer.eventually("the webhook given up on").untilAsserted(() -> {
                Scrape after = Scrape.take();
                assertEquals(3, moved(before, after, WEBHOOK_FAILURES, Map.of("outcome", "retried")));
                assertEquals(1, moved(before, after, WEBHOOK_FAILURES, Map.of("outcome", "dead")));
            });
            assertEquals(4, receiver.at("/failing").size(), "each counted failure was an attempt the endpoint saw");
        }
    }

    private static double moved(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static Map<String, String> cancellations(String channelAndMode) {
        String[] parts = channelAndMode.split(",");
        return Map.of("channel", parts[0], "mode", parts[1]);
    }

    /** A subscription of a new API subscriber, 10 days into its 30-day period. */
    private static String apiSubscription(OperatorClient.Created shop) {
        OperatorClient api = shop.client();
        String id = UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.put("subscribers/cus_" + id, "{\"email\":\"metrics-" + id
                + "@example.com\",\"name\":\"Test Person\"}").status());
        Reply created = api.put("subscriptions/sub_" + id, "{\"subscriber\":\"cus_" + id + "\",\"plan\":\""
                + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-10)
                + "\",\"current_period_end\":\"" + TestTime.isoMidnightInDays(20) + "\"}");
        assertEquals(201, created.status(), created.body());
        return "sub_" + id;
    }
}
