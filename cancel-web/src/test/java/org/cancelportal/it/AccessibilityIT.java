package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.TestServer;
import org.cancelportal.it.webhook.Receiver;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Every page a person can meet (the public cancellation form and its confirmation among them), in English and
 * German, at phone and desktop width: axe-core finds no violation of the WCAG 2.1 A and AA rules, and each view is
 * saved as a screenshot under target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final Pattern LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN) + "/exit-survey/(r|opt-out)/\\S+)");

    @Test
    void everyPageInEnglishPassesTheScan() throws Exception {
        everyPage("en-US", "en", new Words("Sign in", "Cancel at the end of the period", "Undo the cancellation",
                "Send my answer", "Don't ask me again", "Cancel now", "Add endpoint"));
    }

    @Test
    void everyPageInGermanPassesTheScan() throws Exception {
        everyPage("de-DE", "de", new Words("Anmelden", "Zum Ende des Zeitraums kündigen", "Kündigung rückgängig machen",
                "Antwort senden", "Nicht mehr fragen", "Jetzt kündigen", "Adresse hinzufügen"));
    }

    /** The labels of the buttons the walk through the pages presses, in the language of the browser. */
    private record Words(String signIn, String cancel, String undo, String sendAnswer, String optOut,
                         String cancelWithoutAccount, String addEndpoint) {
    }

    private void everyPage(String browserLanguage, String language, Words words) throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (Browser browser = new Browser(portal, browserLanguage)) {
            Scan scan = (name) -> violations.putAll(scan(browser, name + "-" + language));

            browser.open("login");
            scan.page("login");
            TestData.clearPublicCancelThrottle(portal);
            browser.open("cancel-contract");
            scan.page("public-cancel");
            browser.press(words.cancelWithoutAccount());
            scan.page("public-cancel-problems");
            String declaredBy = "nobody-" + language + "-" + System.nanoTime() + "@example.com";
            browser.field("cancel:contract").sendKeys("Streaming Basic");
            browser.field("cancel:name").sendKeys("Nobody Known");
            browser.field("cancel:accountEmail").sendKeys(declaredBy);
            browser.field("cancel:confirmationEmail").sendKeys(declaredBy);
            browser.press(words.cancelWithoutAccount());
            String declaration = browser.textOf("fact-reference");
            scan.page("public-cancel-received");
            browser.open("no-such-page");
            scan.page("error-404");
            browser.openUrl(survey + "r/not-a-real-link");
            scan.page("survey-link-not-working");
            browser.openUrl(survey.toString());
            scan.page("survey-index");

            TestData.Person undoing = TestData.newSubscriber(portal, language);
            browser.open("account");
            signIn(browser, undoing, words);
            scan.page("account");
            browser.open("admin/deliveries");
            assertEquals(403, browser.statusOfCurrentPage(), "a subscriber is refused the admin page");
            scan.page("error-403");
            browser.open("test-fixtures/failure");
            scan.page("error-500");
            browser.open("account");
            browser.press(words.cancel());
            scan.page("receipt");
            browser.press(words.undo());
            scan.page("receipt-undone");

            browser.forgetSession();
            TestData.Person answering = TestData.newSubscriber(portal, language);
            browser.open("account");
            signIn(browser, answering, words);
            browser.press(words.cancel());
            String invitation = invitationTo(answering.email());
            browser.forgetSession();
            browser.openUrl(link(invitation, "r"));
            scan.page("survey");
            browser.press(words.sendAnswer());
            scan.page("survey-thanks");
            browser.openUrl(link(invitation, "opt-out"));
            scan.page("survey-opt-out");
            browser.press(words.optOut());
            scan.page("survey-opt-out-done");

            browser.forgetSession();
            browser.open("admin/deliveries");
            signIn(browser, TestData.newStaff(portal, "admin"), words);
            browser.open("admin/deliveries");
            scan.page("admin-deliveries");
            browser.open("admin/erasure");
            scan.page("admin-erasure");
            browser.open("admin/import");
            scan.page("admin-import");
            webhookPages(browser, scan, words);

            browser.forgetSession();
            browser.open("support/search");
            signIn(browser, TestData.newStaff(portal, "support"), words);
            browser.open("support/search?q=" + undoing.email());
            scan.page("support-search");
            browser.follow("Test Person");
            scan.page("support-subscriber");
            browser.open("support/declarations");
            scan.page("support-declarations");
            browser.follow(declaration);
            scan.page("support-declaration");

            browser.forgetSession();
            browser.openUrl(survey + "insights");
            scan.page("insights-login");
            signIn(browser, TestData.newStaff(portal, "product"), words);
            scan.page("insights");
            browser.openUrl(survey + "insights/answers");
            scan.page("insights-answers");

            browser.forgetSession();
            browser.openUrl(survey + "insights");
            signIn(browser, TestData.newStaff(portal, "support"), words);
            assertEquals(403, browser.statusOfCurrentPage(), "support is refused the product team's insights");
            scan.page("insights-error-403");
        }
        assertEquals(Map.of(), violations, () -> "axe-core found:\n" + String.join("\n", violations.entrySet().stream()
                .map(page -> page.getKey() + ":\n  " + String.join("\n  ", page.getValue())).toList()));
    }

    /** The webhook pages of an operator's endpoint with one delivery in its log, and the form with its problems. */
    private void webhookPages(Browser browser, Scan scan, Words words) throws Exception {
        OperatorClient.Created shop = OperatorClient.newOperator(portal, "https://shop.example.com");
        shop.customer("cus_1", "sub_1");
        try (Receiver receiver = new Receiver()) {
            browser.open("admin/webhooks?operator=" + shop.code());
            browser.press(words.addEndpoint());
            scan.page("admin-webhooks-problems");
            browser.field("register:url").sendKeys(receiver.url("/hooks"));
            browser.driverFind(By.cssSelector("#register\\:events input")).get(0).click();
            browser.press(words.addEndpoint());
            scan.page("admin-webhook-secret");
            String endpoint = browser.url();
            shop.client().post("subscriptions/sub_1/cancel", "{}", "Idempotency-Key", UUID.randomUUID().toString());
            TestServer.eventually("the delivery").until(() -> receiver.at("/hooks").size() == 1);
            browser.open("admin/webhooks?operator=" + shop.code());
            scan.page("admin-webhooks");
            browser.openUrl(endpoint);
            scan.page("admin-webhook");
            browser.openUrl(endpoint.replace("/admin/webhook?", "/admin/webhook-log?"));
            TestServer.eventually("the attempt in the log").until(() -> {
                browser.refresh();
                return !browser.driverFind(By.cssSelector(".attempt-list li")).isEmpty();
            });
            scan.page("admin-webhook-log");
            browser.openUrl(endpoint.replace("/admin/webhook?", "/admin/webhook-delete?"));
            scan.page("admin-webhook-delete");
        }
    }

    @FunctionalInterface
    private interface Scan {
        void page(String name) throws Exception;
    }

    private static Map<String, List<String>> scan(Browser browser, String name) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Map.Entry<String, Dimension> width : Map.of("phone", Browser.PHONE, "desktop", Browser.DESKTOP)
                .entrySet()) {
            List<String> violations = browser.accessibilityViolations(width.getValue());
            if (!violations.isEmpty()) {
                found.put(name + "-" + width.getKey() + " (" + browser.url() + ")", violations);
            }
            browser.screenshot(name + "-" + width.getKey(), width.getValue());
        }
        return found;
    }

    private static void signIn(Browser browser, TestData.Person person, Words words) {
        browser.field("login:email").sendKeys(person.email());
        browser.field("login:password").sendKeys(person.password());
        browser.press(words.signIn());
    }

    private static String invitationTo(String email) {
        return TestServer.eventually("a survey invitation to " + email).until(() -> invitationIn(email),
                Optional::isPresent).orElseThrow();
    }

    private static Optional<String> invitationIn(String email) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            boolean toThem = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equals(email));
            String text = GreenMailUtil.getBody(message);
            if (toThem && text.contains("/exit-survey/r/")) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private static String link(String emailText, String kind) {
        Matcher matcher = LINK.matcher(emailText.replace("=\r\n", "").replace("=3D", "="));
        List<String> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group(1));
            if (matcher.group(2).equals(kind)) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("No " + kind + " link among " + links);
    }
}
