package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.SurveyForm;
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

/**
 * A survey answer reaches the endpoint of the operator it belongs to, signed, once it can no longer change: a named
 * one with the operator's ids and the cancellation's reference, an anonymous one with nothing that tells whose it is.
 * The people cancel through the operator API, get their invitation by email and answer its form over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveyWebhookIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String EVENT = "survey.response_received";

    OperatorClient.Created shop;
    OperatorClient.Created other;
    Receiver receiver;
    String shopSecret;
    String otherEndpoint;

    /** Customer of the shop: ids, reference of the cancellation, and the email the invitation went to. */
    record Customer(String subscriber, String subscription, String email, String reference) {
    }

    @BeforeEach
    void twoOperatorsWithAnEndpointEach() {
        shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        other = OperatorClient.newOperator(portal, "https://other.example.com");
        receiver = new Receiver();
        shopSecret = endpoint(shop, "/shop").getString("secret");
        otherEndpoint = endpoint(other, "/other").getString("id");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aNamedAnswerArrivesSignedWithTheOperatorsIdsAndTheReferenceAndNoOtherOperatorHearsOfIt() {
        Customer eva = cancelled("cus_eva", "sub_eva");
        String page = SurveyForm.answer(SurveyForm.invitationLink(SMTP, eva.email()), new SurveyForm.Answer(
                "too_expensive", "Nice product, but I use it twice a year.", "A pause button.", true, false));
        assertTrue(page.contains("Thank you for your answer"), page);

        TestData.letSurveyAnswersBecomeFinal(portal, shop.plan());

        eventually("the answer at the shop's endpoint").until(() -> receiver.at("/shop").size() == 1);
        Receiver.Received delivery = receiver.at("/shop").get(0);
        assertTrue(WebhookSignature.verify(shopSecret, delivery.header("webhook-id"),
                Long.parseLong(delivery.header("webhook-timestamp")), delivery.body(),
                delivery.header("webhook-signature")), delivery.headers().toString());
        JsonObject body = json(delivery);
        assertEquals(EVENT, body.getString("type"));
        JsonObject data = body.getJsonObject("data");
        assertFalse(data.getBoolean("anonymous"));
        assertEquals("sub_eva", data.getString("subscription"));
        assertEquals("cus_eva", data.getString("subscriber"));
        assertEquals(eva.reference(), data.getJsonObject("cancellation").getString("reference"));
        Instant answered = Instant.parse(data.getString("answered_at"));
        assertTrue(Duration.between(answered, TestTime.now()).abs().compareTo(Duration.ofDays(3)) < 0,
                answered::toString);
        assertEquals(shop.plan(), data.getJsonObject("plan").getString("code"));
        JsonObject answer = data.getJsonObject("answer");
        assertEquals("too_expensive", answer.getString("reason"));
        assertEquals("Nice product, but I use it twice a year.", answer.getString("comment"));
        assertEquals("A pause button.", answer.getString("fair_outcome"));
        assertTrue(answer.getBoolean("contact_consent"));

        // the delivery to the shop was made in the same transaction as any other endpoint's would have been
        assertEquals(List.of(), receiver.at("/other"), receiver.toString());
        assertEquals(0, other.client().get("webhook-endpoints/" + otherEndpoint + "/deliveries").json()
                .getJsonArray("items").size());
    }

    @Test
    void anAnonymousAnswerArrivesWithNothingThatTellsWhoseItIsAndNotBeforeItIsFinal() {
        Customer kim = cancelled("cus_kim", "sub_kim");
        SurveyForm.answer(SurveyForm.invitationLink(SMTP, kim.email()), new SurveyForm.Answer("unused",
                "I only needed it for one project.", "Pausing for three months.", true, true));

        eventually("nothing while the answer may still change").during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/shop").isEmpty());
        TestData.letSurveyAnswersBecomeFinal(portal, shop.plan());

        eventually("the anonymous answer at the shop's endpoint").until(() -> receiver.at("/shop").size() == 1);
        Receiver.Received delivery = receiver.at("/shop").get(0);
        assertTrue(WebhookSignature.verify(shopSecret, delivery.header("webhook-id"),
                Long.parseLong(delivery.header("webhook-timestamp")), delivery.body(),
                delivery.header("webhook-signature")), delivery.headers().toString());
        String text = delivery.text();
        for (String identity : new String[] {"cus_kim", "sub_kim", kim.reference(), kim.email(), "Kim Lee",
                "\"subscriber\"", "\"subscription\"", "\"cancellation\""}) {
            assertFalse(text.contains(identity), identity + " in " + text);
        }
        JsonObject data = json(delivery).getJsonObject("data");
        assertTrue(data.getBoolean("anonymous"));
        String answered = data.getString("answered_at");
        assertTrue(answered.matches("\\d{4}-\\d{2}-\\d{2}"), "a day, no time: " + answered);
        assertTrue(Math.abs(LocalDate.parse(answered).toEpochDay() - TestTime.now().getEpochSecond() / 86_400) <= 3,
                answered);
        JsonObject answer = data.getJsonObject("answer");
        assertEquals("unused", answer.getString("reason"));
        assertEquals("I only needed it for one project.", answer.getString("comment"));
        assertFalse(answer.getBoolean("contact_consent"), "an anonymous answer cannot be replied to");
        assertEquals(List.of(), receiver.at("/other"), receiver.toString());
    }

    @Test
    void aChangeThatArrivesAfterTheDayToChangeIsOverIsNotTakenAndThePageSaysTheFirstAnswerStands() {
        Customer ada = cancelled("cus_ada", "sub_ada");
        String link = SurveyForm.invitationLink(SMTP, ada.email());
        SurveyForm.answer(link, new SurveyForm.Answer("too_expensive", "My first answer.", "", false, false));
        SurveyForm.Opened change = SurveyForm.open(link);
        assertTrue(change.form().contains("My first answer."), "the form offers the answer to change");

        TestData.letSurveyAnswersBecomeFinal(portal, shop.plan());
        String page = change.send(new SurveyForm.Answer("unused", "A change too late.", "", false, false));

        assertTrue(page.contains("Your earlier answer stands"), page);
        assertFalse(page.contains("Thank you for your answer"), page);
        eventually("the answer at the shop's endpoint").until(() -> receiver.at("/shop").size() == 1);
        JsonObject answer = json(receiver.at("/shop").get(0)).getJsonObject("data").getJsonObject("answer");
        assertEquals("too_expensive", answer.getString("reason"));
        assertEquals("My first answer.", answer.getString("comment"));
    }

    private Customer cancelled(String subscriber, String subscription) {
        String email = subscriber + "-" + UUID.randomUUID() + "@example.com";
        assertEquals(201, shop.client().put("subscribers/" + subscriber, "{\"email\":\"" + email
                + "\",\"name\":\"Kim Lee\",\"locale\":\"en\"}").status());
        OperatorClient.Reply created = shop.client().put("subscriptions/" + subscription, "{\"subscriber\":\""
                + subscriber + "\",\"plan\":\"" + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330)
                + "\",\"current_period_start\":\"" + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\""
                + TestTime.isoMidnightInDays(20) + "\"}");
        assertTrue(created.status() == 201 || created.status() == 200, created.body());
        OperatorClient.Reply cancelled = shop.client().post("subscriptions/" + subscription + "/cancel", "{}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, cancelled.status(), cancelled.body());
        return new Customer(subscriber, subscription, email, cancelled.json().getString("reference"));
    }

    private JsonObject endpoint(OperatorClient.Created operator, String path) {
        OperatorClient.Reply created = operator.client().post("webhook-endpoints", "{\"url\":\"" + receiver.url(path)
                + "\",\"events\":[\"" + EVENT + "\"]}");
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static JsonObject json(Receiver.Received delivery) {
        return Json.createReader(new StringReader(delivery.text())).readObject();
    }
}
