package org.cancelportal.it.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.support.TestServer;

/** Asks the test deployment for fresh people to sign in as, so every test starts from its own data. */
public final class TestData {

    public record Person(String email, String password, String subscriptionId) {
    }

    private TestData() {
    }

    public static Person newSubscriber(URL base) {
        return newSubscriber(base, "en");
    }

    /** A subscriber in UTC whose stored language (for emails) is the given one. */
    public static Person newSubscriber(URL base, String language) {
        return post(base, "test-fixtures/subscriber?zone=UTC&language=" + language);
    }

    public static Person newStaff(URL base, String role) {
        return post(base, "test-fixtures/staff?role=" + role);
    }

    /** What joins the answer with this comment to anything else in the database (see Fixtures.answerJoins). */
    public static String answerJoins(URL base, String comment) {
        return get(base, "test-fixtures/answer-joins?comment=" + encoded(comment));
    }

    /** What the survey stored for this subscriber (see Fixtures.surveyRecords). */
    public static String surveyRecords(URL base, String email) {
        return get(base, "test-fixtures/survey?email=" + email);
    }

    /** A subscriber whose receipt email consumer will "crash" once right after sending (see CrashOnceAfterSending). */
    public static Person newSubscriberWhoseReceiptCrashesOnce(URL base) {
        return post(base, "test-fixtures/subscriber?zone=UTC&plan=crash");
    }

    public static void cancelMany(URL base, String prefix, int count) {
        send(base, "test-fixtures/cancel-many?prefix=" + prefix + "&count=" + count);
    }

    /** The operator's days to confirm this cancellation's refund pass now. */
    public static void letRefundRunOut(URL base, String reference) {
        send(base, "test-fixtures/refund-run-out?reference=" + reference);
    }

    /** Cancels the person's subscription as they would on the account page (channel WEB); returns the reference. */
    public static String cancelAsSubscriber(URL base, Person person, String mode) {
        return send(base, "test-fixtures/cancel?login=" + encoded(person.email()) + "&subscription="
                + person.subscriptionId() + "&mode=" + mode);
    }

    public static void undoAsSubscriber(URL base, Person person, String reference) {
        send(base, "test-fixtures/undo?login=" + encoded(person.email()) + "&reference=" + reference);
    }

    public static void giveUpDeliveries(URL base, String email) {
        send(base, "test-fixtures/give-up?email=" + email);
    }

    public static void startExtraRelays(URL base, int count) {
        send(base, "test-fixtures/extra-relays?count=" + count);
    }

    /** How many deliveries each extra relay has attempted so far, by relay number. */
    public static Map<Integer, Integer> extraRelayCounts(URL base) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        Matcher relay = Pattern.compile("(\\d+)=(\\d+)").matcher(get(base, "test-fixtures/extra-relays"));
        while (relay.find()) {
            counts.put(Integer.parseInt(relay.group(1)), Integer.parseInt(relay.group(2)));
        }
        return counts;
    }

    /** What the outbox holds for messages to this address (see Fixtures.outboxRecords), a line each. */
    public static List<String> outbox(URL base, String email) {
        return get(base, "test-fixtures/outbox?email=" + java.net.URLEncoder.encode(email,
                java.nio.charset.StandardCharsets.UTF_8)).lines().toList();
    }

    /**
     * Waits until exactly this many of the address's deliveries to the consumer are done and none is pending: the
     * relay has handed every message owed to the mail server, so any copy too many would be there already.
     */
    public static void awaitDelivered(URL base, String email, String consumer, int count) {
        TestServer.eventually(count + " " + consumer + " deliveries done for " + email).until(() -> {
            List<String> deliveries = outbox(base, email).stream()
                    .filter(line -> line.startsWith("delivery ") && line.contains(" " + consumer + " ")).toList();
            return deliveries.size() == count && deliveries.stream().allMatch(line -> line.contains(" DONE "));
        });
    }

    /** Waits until the relay has tried the consumer's delivery for this address at least once (and failed). */
    public static void awaitAttempted(URL base, String email, String consumer) {
        TestServer.eventually("a failed " + consumer + " attempt for " + email).until(() -> outbox(base, email)
                .stream().anyMatch(line -> line.startsWith("delivery ") && line.contains(" " + consumer + " PENDING ")
                        && !line.endsWith(" attempts=0")));
    }

    /** One person of the insights fixture (see InsightsFixture): responseId is 0 for one who did not answer. */
    public record Former(String email, String name, long subscriberId, long responseId) {
    }

    public record InsightsData(String plan, String marker, Map<String, Former> people) {
    }

    public static InsightsData insightsData(URL base) {
        String json = send(base, "test-fixtures/insights");
        Map<String, Former> people = new java.util.TreeMap<>();
        Matcher person = Pattern.compile("\"([A-D])\":\\{\"email\":\"([^\"]+)\",\"name\":\"([^\"]+)\","
                + "\"subscriberId\":(\\d+)(?:,\"responseId\":(\\d+))?\\}").matcher(json);
        while (person.find()) {
            people.put(person.group(1), new Former(person.group(2), person.group(3), Long.parseLong(person.group(4)),
                    person.group(5) == null ? 0 : Long.parseLong(person.group(5))));
        }
        if (people.size() != 4) {
            throw new IllegalStateException("Expected four people in " + json);
        }
        return new InsightsData(field(json, "plan"), field(json, "marker"), people);
    }

    /** The day to change the survey answers given on this plan passes (see Fixtures.letSurveyAnswersBecomeFinal). */
    public static void letSurveyAnswersBecomeFinal(URL base, String plan) {
        send(base, "test-fixtures/survey-final?plan=" + encoded(plan));
    }

    public static void expireSurveyLinks(URL base, String email) {
        send(base, "test-fixtures/survey?email=" + email);
    }

    /** What the declarations naming this account email became (see Fixtures.declarationRecords). */
    public static String declarationRecords(URL base, String email) {
        return get(base, "test-fixtures/declarations?email="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The subscriber who signs in as login gets mail at address from now on (see Fixtures.changeMailAddress). */
    public static void changeMailAddress(URL base, String login, String address) {
        send(base, "test-fixtures/mail-address?login=" + encoded(login) + "&address=" + encoded(address));
    }

    /** The login's password is stored as a hash of this lower cost, as the portal made them before. */
    public static void hashPasswordAtLowerCost(URL base, String login, int iterations) {
        send(base, "test-fixtures/password-hash?login=" + encoded(login) + "&iterations=" + iterations);
    }

    /** The iterations of the login's stored password hash. */
    public static int passwordHashIterations(URL base, String login) {
        return Integer.parseInt(get(base, "test-fixtures/password-hash?login=" + encoded(login)).strip());
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The server forgets whom it signed in, as after its cache timeout or on another node (the session stays). */
    public static void forgetSignIns(URL base) {
        send(base, "test-fixtures/forget-sign-ins");
    }

    public static void clearPublicCancelThrottle(URL base) {
        send(base, "test-fixtures/public-cancel-throttle");
    }

    private static String get(URL base, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    public static int status(URL base, String path) {
        try {
            return org.cancelportal.it.support.TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Person post(URL base, String path) {
        String json = send(base, path);
        Matcher subscription = Pattern.compile("\"subscriptionIds\":\\[(\\d+)").matcher(json);
        return new Person(field(json, "email"), field(json, "password"),
                subscription.find() ? subscription.group(1) : null);
    }

    private static String send(URL base, String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A fixture that did not do its work must stop the test there, not leave it to pass or fail for another reason. */
    private static String exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = org.cancelportal.it.support.TestServer.HTTP.send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
