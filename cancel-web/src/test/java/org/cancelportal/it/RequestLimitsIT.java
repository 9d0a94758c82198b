package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.FormClient;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every entry point refuses what is more than it takes before reading it all, with a 413 a person can read (the
 * page in their words, or problem details from the API), and nothing changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestLimitsIT extends BothApplications {

    private static final String REFUSED = "That was more than we accept";

    @AfterEach
    void forgetTheDeclarations() {
        TestData.clearPublicCancelThrottle(portal);
    }

    @Test
    void aTenMegabyteFieldOnThePublicFormIsRefusedWithAPlainPageAndNothingIsRecorded() {
        String account = "huge-" + UUID.randomUUID() + "@example.com";

        FormClient.Page answer = declare(account, "x".repeat(10 * 1024 * 1024));

        assertEquals(413, answer.status());
        assertTrue(answer.body().contains(REFUSED), answer.body());
        assertTrue(answer.body().contains("A field takes at most 10,000 characters"), answer.body());
        assertEquals("", TestData.declarationRecords(portal, account));
    }

    @Test
    void aFieldLongerThanAnyFieldTakesIsRefusedThoughTheFormIsSmall() {
        String account = "long-" + UUID.randomUUID() + "@example.com";

        FormClient.Page answer = declare(account, "y".repeat(10_001));

        assertEquals(413, answer.status());
        assertTrue(answer.body().contains(REFUSED), answer.body());
        assertEquals("", TestData.declarationRecords(portal, account));
        assertTrue(declare(account, "y".repeat(100)).body().contains("We received your cancellation"),
                "a field of an ordinary length still goes through");
    }

    @Test
    void anUploadBeyondFiveMegabytesIsRefusedEvenOnAPublicPage() throws Exception {
        String boundary = "limit" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "z".repeat(6 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> answer = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(portal + "cancel-contract"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains(REFUSED), answer.body());
    }

    @Test
    void aJsonBodyBeyondWhatTheApiTakesGetsProblemDetailsAndNothingIsStored() {
        OperatorClient.Created operator = OperatorClient.newOperator(portal, "https://limits.example.com");
        String name = "n".repeat(100 * 1024);

        OperatorClient.Reply answer = operator.client().put("subscribers/cus_big", "{\"email\":\"big-"
                + UUID.randomUUID() + "@example.com\",\"name\":\"" + name + "\",\"locale\":\"en\"}");

        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertTrue(answer.json().getString("detail").contains("nothing was changed"), answer.body());
        assertEquals(404, operator.client().get("subscribers/cus_big").status());
    }

    @Test
    void theSurveyRefusesATooLongFieldInItsOwnWords() {
        FormClient.Page answer = FormClient.direct().get(survey + "login").submit("login",
                Map.of("login:email", "e".repeat(10_001), "login:password", "whatever"), "login:submit");

        assertEquals(413, answer.status());
        assertTrue(answer.body().contains(REFUSED), answer.body());
    }

    private FormClient.Page declare(String accountEmail, String name) {
        return FormClient.direct().get(portal + "cancel-contract").submit("cancel", Map.of(
                "cancel:contract", "Some plan", "cancel:name", name, "cancel:accountEmail", accountEmail,
                "cancel:kind", "ORDINARY", "cancel:confirmationEmail", "limits@example.com"), "cancel:send");
    }
}
