package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The way out, measured in the browser as a person takes it: clicks from the account page to a confirmed
 * cancellation, required fields on the way, and words that pressure people to stay, with the withdrawal function on
 * the same page. Then the withdrawal: one click to its one confirming step, one more to the confirmation. Then the
 * way out by keyboard alone, with a focus one can see.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlowAuditIT extends PortalOnly {

    /** Retention offers, countdowns, guilt and legalese, lower case. "We're sorry to see you go" is fine. */
    private static final List<String> FORBIDDEN = List.of(
            "are you sure", "lose all", "you will lose", "you'll lose", "last chance", "don't go", "do not go",
            "special offer", "discount", "stay with us", "before you go", "only today", "offer ends", "time left",
            "we'll miss you", "think again", "reconsider", "hereby", "pursuant", "notwithstanding",
            "sind sie sicher", "letzte chance", "sonderangebot", "rabatt", "bleiben sie", "nur heute", "verlieren sie",
            "sie verlieren", "überlegen sie es sich", "hiermit", "gemäß", "unwiderruflich", "vorbehaltlich");
    private static final int MOST_CLICKS_TRIED = 5;

    @Test
    void inEnglishTheWayOutIsOneClickWithNothingToFillInAndNoPressure() {
        audit("en-US", "en", "Your cancellation is confirmed", "Withdraw from contract here");
    }

    @Test
    void inGermanTheWayOutIsOneClickWithNothingToFillInAndNoPressure() {
        audit("de-DE", "de", "Ihre Kündigung ist bestätigt", "Vertrag widerrufen");
    }

    @Test
    void inEnglishWithdrawingIsOneClickToOneConfirmingStepWithNothingToFillInAndNoPressure() {
        auditWithdrawal("en-US", "en", "Withdraw from contract here", "Confirm withdrawal",
                "Your withdrawal is confirmed");
    }

    @Test
    void inGermanWithdrawingIsOneClickToOneConfirmingStepWithNothingToFillInAndNoPressure() {
        auditWithdrawal("de-DE", "de", "Vertrag widerrufen", "Widerruf bestätigen", "Ihr Widerruf ist bestätigt");
    }

    /**
     * Follows the withdrawal function from the account page and then presses whatever confirms, counting the steps
     * between: the law asks for exactly one confirming step, labelled as it says.
     */
    private void auditWithdrawal(String browserLanguage, String language, String function, String confirm,
                                 String confirmed) {
        try (Browser browser = new Browser(base, browserLanguage)) {
            TestData.Person person = TestData.newSubscriber(base, language);
            browser.signIn(person.email(), person.password());
            List<String> pressure = new ArrayList<>(forbiddenIn(browser.text()));
            int requiredFields = browser.requiredFields();
            browser.follow(function);
            int clicks = 1;
            int confirmingSteps = 0;
            while (!browser.heading().equals(confirmed) && confirmingSteps < MOST_CLICKS_TRIED) {
                requiredFields += browser.requiredFields();
                pressure.addAll(forbiddenIn(browser.text()));
                List<String> labels = browser.driverFind(By.cssSelector("main input[type=submit], main button"))
                        .stream().map(button -> button.getAttribute("value")).toList();
                assertEquals(List.of(confirm), labels, "the confirming step's one button, as the law words it");
                browser.press(confirm);
                clicks++;
                confirmingSteps++;
            }
            requiredFields += browser.requiredFields();
            pressure.addAll(forbiddenIn(browser.text()));
            System.out.printf("Flow audit (%s): %d click(s) from the account page to a confirmed withdrawal,"
                    + " %d confirming step(s), %d required field(s), %d pressure phrase(s)%n", language, clicks,
                    confirmingSteps, requiredFields, pressure.size());

            assertEquals(confirmed, browser.heading());
            assertEquals(1, confirmingSteps, "confirming steps between the function and a confirmed withdrawal");
            assertEquals(2, clicks, "clicks from the account page to a confirmed withdrawal");
            assertEquals(0, requiredFields, "required fields on the way");
            assertEquals(List.of(), pressure, "pressure on the way out");
        }
    }

    private void audit(String browserLanguage, String language, String confirmed, String withdrawalFunction) {
        try (Browser browser = new Browser(base, browserLanguage)) {
            TestData.Person person = TestData.newSubscriber(base, language);
            browser.signIn(person.email(), person.password());
            assertEquals(1, browser.driverFind(By.linkText(withdrawalFunction)).size(),
                    "the audit runs with the withdrawal function on the page");
            List<String> pressure = new ArrayList<>();
            int requiredFields = 0;
            int clicks = 0;
            while (!browser.heading().equals(confirmed) && clicks < MOST_CLICKS_TRIED) {
                requiredFields += browser.requiredFields();
                pressure.addAll(forbiddenIn(browser.text()));
                WebElement next = browser.buttons().stream()
                        .filter(button -> button.getAttribute("value") != null)
                        .filter(button -> button.getAttribute("value").toLowerCase(Locale.ROOT)
                                .matches(".*(cancel|kündigen).*"))
                        .findFirst().orElseThrow(() -> new AssertionError("No way on from " + browser.url()));
                browser.press(next.getAttribute("value"));
                clicks++;
            }
            requiredFields += browser.requiredFields();
            pressure.addAll(forbiddenIn(browser.text()));
            System.out.printf("Flow audit (%s): %d click(s) from the account page to a confirmed cancellation,"
                    + " %d required field(s), %d pressure phrase(s)%n", language, clicks, requiredFields, pressure.size());

            assertEquals(confirmed, browser.heading());
            assertEquals(1, clicks, "clicks from the account page to a confirmed cancellation");
            assertEquals(0, requiredFields, "required fields on the way");
            assertEquals(List.of(), pressure, "pressure on the way out");
            assertTrue(browser.html().toLowerCase(Locale.ROOT).contains("mailto:"), "a way to reach a person");
        }
    }

    @Test
    void aKeyboardAloneCancelsAndUndoesWithTheFocusInSight() {
        try (Browser browser = new Browser(base, "en-US")) {
            TestData.Person person = TestData.newSubscriber(base, "en");
            browser.open("login");
            assertEveryControlShowsItsFocus(browser);
            tabTo(browser, "login:email").sendKeys(person.email());
            tabTo(browser, "login:password").sendKeys(person.password());
            tabToButton(browser, "Sign in");
            browser.enter();
            assertEquals("Your subscriptions", browser.heading());
            assertEveryControlShowsItsFocus(browser);

            tabToButton(browser, "Cancel at the end of the period");
            browser.enter();
            assertEquals("Your cancellation is confirmed", browser.heading());
            assertEveryControlShowsItsFocus(browser);

            tabToButton(browser, "Undo the cancellation");
            browser.enter();
            assertEquals("You undid this cancellation", browser.heading());
            assertEveryControlShowsItsFocus(browser);
        }
    }

    /**
     * Tabs once round the whole page, from the first control until the focus comes back to it, and checks that every
     * control on the way shows where the focus is. The page is opened again afterwards, so the walk leaves no trace.
     */
    private static void assertEveryControlShowsItsFocus(Browser browser) {
        List<WebElement> seen = new ArrayList<>();
        for (int presses = 0; presses < 200; presses++) {
            WebElement focused = browser.tab();
            if (isThePageItself(focused)) {
                continue;
            }
            if (!seen.isEmpty() && seen.get(0).equals(focused)) {
                browser.refresh();
                return;
            }
            seen.add(focused);
            assertFocusVisible(focused);
        }
        throw new AssertionError("The focus never came round again after " + seen.size() + " controls");
    }

    private static WebElement tabTo(Browser browser, String id) {
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = browser.tab();
            assertFocusVisible(focused);
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static void tabToButton(Browser browser, String label) {
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = browser.tab();
            assertFocusVisible(focused);
            if (label.equals(focused.getAttribute("value"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the button " + label);
    }

    /** Between the page's last control and its first, the focus rests on the page itself, which draws no outline. */
    private static boolean isThePageItself(WebElement focused) {
        return List.of("body", "html").contains(focused.getTagName());
    }

    private static void assertFocusVisible(WebElement focused) {
        if (isThePageItself(focused)) {
            return;
        }
        assertNotEquals("none", focused.getCssValue("outline-style"),
                () -> "no visible focus on " + focused.getAttribute("outerHTML"));
    }

    private static List<String> forbiddenIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return FORBIDDEN.stream().filter(lower::contains).toList();
    }
}
