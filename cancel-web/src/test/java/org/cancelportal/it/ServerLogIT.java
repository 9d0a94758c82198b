package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.FormClient;
import org.cancelportal.it.support.ServerLog;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server log holds, read from the test server's log folder: one JSON record per line (the test server runs
 * with log.format=json), and no email address of anyone who signed in wrongly, cancelled or could not be mailed, nor
 * what a visitor typed into the public cancel form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerLogIT extends BothApplications {

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(portal, "en-US");
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void withTheJsonFormatEveryRecordIsOneJsonObjectWithLevelTimeAndMessage() {
        List<JsonObject> records = ServerLog.records();

        assertTrue(records.size() > 20, () -> "JSON records in messages.log: " + records.size());
        for (JsonObject record : records) {
            // an FFDC record (type liberty_ffdc) has no level of its own
            boolean ffdc = "liberty_ffdc".equals(record.getString("type", ""));
            assertTrue(record.containsKey("ibm_datetime") && (ffdc || record.containsKey("loglevel"))
                    && record.containsKey("message"), record::toString);
        }
        JsonObject migrated = records.stream()
                .filter(record -> record.getString("message").startsWith("Database schema at version"))
                .findFirst().orElseThrow(() -> new AssertionError("the application's own record is JSON too"));
        assertEquals("org.cancelportal.schema.control.SchemaMigration", migrated.getString("module"));
        assertEquals("INFO", migrated.getString("loglevel"));
    }

    /**
     * A wrong password for a real and for an unknown address (the sign-in throttle counts both), then a cancellation
     * whose receipt and survey invitation cannot be sent (the mail library refuses the address and names it in its
     * exception): the log records the failures, by event and subscription, and never the address.
     */
    @Test
    void noEmailAddressReachesTheLog() {
        TestData.Person person = TestData.newSubscriber(portal);
        String name = person.email().substring(0, person.email().indexOf('@'));
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        browser.signIn(unknown, "wrong-password");
        browser.signIn(person.email(), "wrong-password");
        String refused = person.email().replace("@", " @");
        TestData.changeMailAddress(portal, person.email(), refused);

        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        TestData.awaitAttempted(portal, refused, "receipt-email");
        TestData.awaitAttempted(portal, refused, "survey-invitation");

        String witness = " of Subscription " + person.subscriptionId() + " (attempt 1, will retry)";
        eventually("the log to record both failed deliveries").until(() -> ServerLog.lines().stream()
                .filter(line -> line.contains(witness) && (line.contains("receipt-email failed")
                        || line.contains("survey-invitation failed"))).count() == 2);
        // the spans the test server writes to its log (TraceIT reads them) hold the test fixtures' own query strings
        String log = ServerLog.everything().lines()
                .filter(line -> !line.contains("[tracer: io.openliberty.microprofile.telemetry"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertFalse(log.contains(name), "the log names " + name);
        assertFalse(log.contains(unknown), "the log names " + unknown);
    }

    /**
     * Three declarations on the public form, sent by a visitor without an account or JavaScript: one that matches a
     * subscription and cancels it, one that matches nothing and waits for support, and one the form refuses for its
     * addresses. The test server has no mail server here, so every receipt and confirmation fails and is logged. The
     * log holds none of the addresses and names typed in.
     */
    @Test
    void noAddressOrNameTypedIntoThePublicCancelFormReachesTheLog() {
        TestData.Person person = TestData.newSubscriber(portal);
        String token = letters(12);
        String matchedConfirmation = "confirm-" + token + "-a@example.com";
        String unknownAccount = "declared-" + token + "@example.com";
        String unknownConfirmation = "confirm-" + token + "-b@example.com";
        String typedName = "Wilma " + letters(10);
        String refusedAccount = "refused-" + token + " at example.com";
        FormClient visitor = FormClient.throughProxyFor("192.0.2.41");

        assertTrue(declare(visitor, "Test Plan Monthly", "Test Person", person.email(), matchedConfirmation)
                .contains("We received your cancellation"));
        assertTrue(declare(visitor, "Some plan", typedName, unknownAccount, unknownConfirmation)
                .contains("We received your cancellation"));
        String refused = declare(visitor, "Some plan", typedName + " Jr", refusedAccount,
                "someone-" + token + "@example");
        assertTrue(refused.contains("Nothing has been sent yet"), refused);
        assertTrue(TestData.declarationRecords(portal, person.email()).contains(" CANCELLED "));
        assertTrue(TestData.declarationRecords(portal, unknownAccount).contains(" OPEN "));

        TestData.awaitAttempted(portal, matchedConfirmation, "declaration-email");
        TestData.awaitAttempted(portal, unknownConfirmation, "declaration-email");
        TestData.awaitAttempted(portal, person.email(), "receipt-email");
        String witness = "receipt-email failed on SubscriptionCancelled";
        String subscription = " of Subscription " + person.subscriptionId() + " (attempt 1, will retry)";
        eventually("the log to record the failed receipt and both failed confirmations").until(() -> {
            List<String> lines = ServerLog.lines();
            return lines.stream().anyMatch(line -> line.contains(witness) && line.contains(subscription))
                    && lines.stream().filter(line -> line.contains("declaration-email failed on ")
                            && line.contains("(attempt 1, will retry)")).count() >= 2;
        });
        // the spans of the test fixtures' own requests hold the addresses the test asked about in their query strings
        String log = ServerLog.everything().lines()
                .filter(line -> !(line.contains("[tracer: io.openliberty.microprofile.telemetry")
                        && line.contains("test-fixtures")))
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String typed : List.of(person.email(), matchedConfirmation, unknownAccount, unknownConfirmation,
                refusedAccount, typedName, token)) {
            assertFalse(log.toLowerCase(java.util.Locale.ROOT).contains(typed.toLowerCase(java.util.Locale.ROOT)),
                    "the log names " + typed);
        }
    }

    /**
     * Someone opens the withdrawal step of a subscription that is not theirs, and of one that does not exist: the
     * page answers 404, as for anything not found, and the log stays quiet about it (no error, no stack trace).
     */
    @Test
    void aWithdrawalStepThatIsNotFoundAnswers404WithoutAnErrorInTheLog() {
        TestData.Person owner = TestData.newSubscriber(portal);
        TestData.Person other = TestData.newSubscriber(portal);
        int before = ServerLog.lines().size();
        browser.signIn(other.email(), other.password());
        browser.open("withdraw?subscription=" + owner.subscriptionId());
        assertEquals(404, browser.statusOfCurrentPage(), "someone else's subscription");
        browser.open("withdraw?subscription=999999999");
        assertEquals(404, browser.statusOfCurrentPage(), "no such subscription");
        browser.open("account");
        assertEquals("Your subscriptions", browser.heading(), "the session goes on as before");

        // other tests' deliveries fail on purpose and give up in the background, at any moment: not this request's
        List<String> since = ServerLog.lines().stream().skip(before)
                .filter(line -> !line.contains("\"module\":\"org.cancelportal.outbox.")).toList();
        List<String> problems = since.stream().filter(line -> line.contains("\"loglevel\":\"SEVERE\"")
                || line.contains("\"loglevel\":\"ERROR\"") || line.contains("liberty_ffdc")
                || line.contains("ContextNotActive")).toList();
        assertEquals(List.of(), problems, "the log since the two 404s");
    }

    /**
     * An operator's developer reads the API's description at /openapi: it names the reference of both refund calls,
     * and Liberty, which checks the document as it builds it, finds nothing wrong in it.
     */
    @Test
    void theApiDescriptionNamesEveryPathParameterAndPassesLibertysCheck() throws Exception {
        int before = ServerLog.lines().size();
        HttpResponse<String> description = TestServer.HTTP.send(HttpRequest.newBuilder(
                portal.toURI().resolve("/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, description.statusCode());
        List<String> lines = description.body().lines().toList();
        for (String path : List.of("/api/v1/cancellations/{reference}/refund",
                "/api/v1/withdrawals/{reference}/refund")) {
            // a path is a key two spaces in, with the application's context root before it; its calls follow, deeper
            int start = lines.indexOf(lines.stream().filter(line -> line.startsWith("  /") && line.endsWith(path + ":"))
                    .findFirst().orElseThrow(() -> new AssertionError(path + " is described: " + description.body())));
            List<String> calls = lines.stream().skip(start + 1).takeWhile(line -> line.startsWith("   ")).toList();
            assertTrue(calls.stream().anyMatch(line -> line.strip().equals("- name: reference")),
                    () -> path + " names its reference: " + String.join("\n", calls));
        }
        assertEquals(List.of(), ServerLog.lines().stream().skip(before)
                .filter(line -> line.contains("CWWKO1650E")).toList(), "Liberty's check of the API description");
    }

    /** Sends the public form as it renders: an ordinary cancellation, as of the earliest date. */
    private String declare(FormClient visitor, String contract, String name, String account, String confirmation) {
        FormClient.Page sent = visitor.get(portal + "cancel-contract").submit("cancel", Map.of("cancel:contract",
                contract, "cancel:name", name, "cancel:accountEmail", account, "cancel:kind", "ORDINARY",
                "cancel:confirmationEmail", confirmation), "cancel:send");
        assertEquals(200, sent.status(), sent.body());
        return sent.body();
    }

    /** Letters no id, hash or number in the log is made of, so they appear there only if the input was copied. */
    private static String letters(int count) {
        java.util.Random random = new java.security.SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('g' + random.nextInt(20)));
        }
        return text.toString();
    }
}
