package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pages as a subscriber meets them, in headless Chromium against the real server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CancelJourneyIT extends PortalInABrowser {

    @Test
    void signInCancelWithOneClickSeeTheReceiptUndoAndCancelAgain() {
        journey("en");
    }

    @Test
    void theSameJourneyWorksWithJavaScriptTurnedOff() {
        browser.close();
        browser = new Browser(base, "en-US", false);
        journey("en-nojs");
    }

    @Test
    void aPageLeftOpenTooLongReloadsWithANoteAndChangesNothing() {
        signInAsNewSubscriber();
        // The server keeps the last 6 views of a session (web.xml); 10 newer ones in another tab push this page's
        // view out.
        browser.inSecondTab(() -> {
            for (int i = 0; i < 10; i++) {
                browser.open("account");
            }
        });

        browser.press("Cancel at the end of the period");

        assertEquals("Your subscriptions", browser.heading());
        assertTrue(browser.text().contains("This page had been open for a while, so we loaded it again. Nothing was"
                + " changed."), browser.text());
        assertTrue(browser.text().contains("Active"), "nothing was cancelled");
        browser.press("Cancel at the end of the period");
        assertEquals("Your cancellation is confirmed", browser.heading());
    }

    private TestData.Person signInAsNewSubscriber() {
        TestData.Person person = TestData.newSubscriber(base);
        browser.signIn(person.email(), person.password());
        return person;
    }

    private void journey(String screenshotSuffix) {
        TestData.Person person = TestData.newSubscriber(base);
        browser.open("account");
        assertTrue(browser.url().contains("/login"), "the account page asks to sign in first: " + browser.url());
        browser.screenshot("login-" + screenshotSuffix + "-desktop", Browser.DESKTOP);

        browser.signIn(person.email(), person.password());
        assertEquals("Your subscriptions", browser.heading());
        String account = browser.text();
        assertTrue(account.contains("Test Plan Monthly"), account);
        assertTrue(account.contains("€30.00 per month"), account);
        assertTrue(account.contains("What cancelling means:"), account);
        assertTrue(account.contains("You keep access until the end of"), account);
        assertTrue(account.contains("You will not be charged again."), account);
        assertTrue(account.contains("Refund: none."), account);
        assertTrue(account.contains("Or cancel now: your access ends right away and you get €20.00 back."), account);
        assertTrue(account.contains("help@example.com"), "support contacts on the page");
        assertEquals(List.of("Cancel at the end of the period", "Cancel now and get €20.00 back"),
                browser.buttons().stream().map(button -> button.getAttribute("value"))
                        .filter(label -> label.startsWith("Cancel")).toList());
        browser.screenshot("account-" + screenshotSuffix + "-desktop", Browser.DESKTOP);
        browser.screenshot("account-" + screenshotSuffix + "-phone", Browser.PHONE);

        browser.press("Cancel at the end of the period");

        assertTrue(browser.url().contains("/receipt?ref=CX-"), "one click leads to the receipt: " + browser.url());
        assertEquals("Your cancellation is confirmed", browser.heading());
        String reference = browser.textOf("reference");
        assertTrue(reference.matches("CX-[A-Z0-9]{4}-[A-Z0-9]{4}"), reference);
        String stored = TestData.surveyRecords(base, person.email());
        assertTrue(stored.matches("(?s).*cancellation " + reference + " journey=\\d+s.*"),
                "the time from opening the account page to the cancellation is kept for the insights: " + stored);
        String receipt = browser.text();
        assertTrue(receipt.contains("Received"), receipt);
        assertTrue(receipt.contains("You will not be charged again."), receipt);
        assertTrue(receipt.contains("We may send you one short email asking why you left."), receipt);
        assertTrue(receipt.contains("You can undo this cancellation until"), receipt);
        assertTrue(receipt.contains("help@example.com"), receipt);
        browser.screenshot("receipt-" + screenshotSuffix + "-desktop", Browser.DESKTOP);
        browser.screenshot("receipt-" + screenshotSuffix + "-phone", Browser.PHONE);

        browser.refresh();
        assertEquals(reference, browser.textOf("reference"), "the receipt is bookmarkable and stable");

        browser.press("Undo the cancellation");

        assertEquals("You undid this cancellation", browser.heading());
        assertTrue(browser.text().contains("Done. Your cancellation is undone and your subscription continues."));
        assertTrue(browser.buttons().stream().noneMatch(b -> "Undo the cancellation".equals(b.getAttribute("value"))));
        browser.screenshot("receipt-undone-" + screenshotSuffix + "-desktop", Browser.DESKTOP);

        browser.follow("Back to your subscriptions");
        assertTrue(browser.text().contains("Active"));
        browser.press("Cancel at the end of the period");

        assertEquals("Your cancellation is confirmed", browser.heading());
        assertNotEquals(reference, browser.textOf("reference"), "a new cancellation has a new reference");
    }

    @Test
    void anotherSubscribersReceiptAnswersNotFound() {
        TestData.Person owner = TestData.newSubscriber(base);
        browser.signIn(owner.email(), owner.password());
        browser.press("Cancel at the end of the period");
        String receiptUrl = browser.url();

        browser.forgetSession();
        TestData.Person stranger = TestData.newSubscriber(base);
        browser.signIn(stranger.email(), stranger.password());
        browser.open(receiptUrl.substring(base.toString().length()));

        assertEquals("We can’t find that page", browser.heading());
        assertFalse(browser.text().contains("Test Plan Monthly"), "nothing of the other receipt shows");
        browser.screenshot("not-found-en-desktop", Browser.DESKTOP);
    }

    @Test
    void theLanguageSwitchShowsThePageInGermanAndKeepsItThere() {
        signInAsNewSubscriber();

        browser.follow("Deutsch");

        assertEquals("Ihre Abos", browser.heading());
        assertTrue(browser.text().contains("Was eine Kündigung bedeutet:"));
        assertTrue(browser.text().contains("30,00 € pro Monat"));
        browser.screenshot("account-de-desktop", Browser.DESKTOP);
        browser.press("Zum Ende des Zeitraums kündigen");
        assertEquals("Ihre Kündigung ist bestätigt", browser.heading());
        assertTrue(browser.textOf("effective").endsWith(", 24:00 Uhr (UTC)"), "dates in German too: "
                + browser.textOf("effective"));
        browser.screenshot("receipt-de-phone", Browser.PHONE);
    }

    @Test
    void aWrongPasswordGetsAPlainMessageAndNoAccess() {
        TestData.Person person = TestData.newSubscriber(base);

        browser.signIn(person.email(), "not-the-password");

        assertTrue(browser.text().contains("That email address and password don’t match."), browser.text());
        browser.open("account");
        assertTrue(browser.url().contains("/login"));
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsAFewMinutesEvenForTheRightOne() {
        TestData.Person person = TestData.newSubscriber(base);
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.signIn(person.email(), "guess-" + attempt);
            assertTrue(browser.text().contains("That email address and password don’t match."), browser.text());
        }

        browser.signIn(person.email(), person.password());

        assertTrue(browser.text().contains("Too many sign-in attempts. To keep accounts safe, please wait 5 minutes"
                + " and try again."), browser.text());
        browser.open("account");
        assertTrue(browser.url().contains("/login"), "still not signed in");
    }

    @Test
    void aPasswordHashOfTheOldCostIsReplacedAtTheNextSignIn() {
        TestData.Person person = TestData.newSubscriber(base);
        TestData.hashPasswordAtLowerCost(base, person.email(), 2048); // what Liberty's hashes cost until now

        browser.signIn(person.email(), person.password());

        assertEquals("Your subscriptions", browser.heading());
        assertEquals(600_000, TestData.passwordHashIterations(base, person.email()));
    }

    @Test
    void aSignInEndsAfterItsLifetimeHoweverBusyItsSessionWasKept() {
        TestData.Person person = TestData.newSubscriber(base);
        browser.signIn(person.email(), person.password());
        assertEquals("Your subscriptions", browser.heading());

        browser.open("test-fixtures/outlive-sign-in");
        browser.open("account");

        assertTrue(browser.url().contains("/login"), browser.url());
    }

    @Test
    void signingInGivesTheSessionANewId() {
        TestData.Person person = TestData.newSubscriber(base);
        browser.open("login");
        String before = browser.cookie("JSESSIONID");

        browser.signIn(person.email(), person.password());

        assertEquals("Your subscriptions", browser.heading());
        String after = browser.cookie("JSESSIONID");
        assertTrue(before != null && after != null && !before.equals(after), before + " -> " + after);
    }

    @Test
    void aSignInLastsAsLongAsItsSessionThoughTheServerForgetsWhomItSignedIn() {
        signInAsNewSubscriber();

        TestData.forgetSignIns(base);

        browser.open("account");
        assertEquals("Your subscriptions", browser.heading(), browser.url() + "\n" + browser.text());
        browser.press("Cancel at the end of the period");
        assertEquals("Your cancellation is confirmed", browser.heading());
    }

    @Test
    void signingOutEndsTheSignInEvenForSomeoneWhoKeptTheSessionCookie() {
        signInAsNewSubscriber();
        String session = browser.cookie("JSESSIONID");

        browser.press("Sign out");

        assertTrue(browser.text().contains("You are signed out."), browser.text());
        browser.setCookie("JSESSIONID", session);
        browser.open("account");
        assertTrue(browser.url().contains("/login"), browser.url());
    }

    @Test
    void theErasureItselfRefusesASubscriberWhoGetsPastTheAdminPagesGuard() {
        TestData.Person someoneElse = TestData.newSubscriber(base);
        signInAsNewSubscriber();

        browser.open("test-fixtures/erase?email=" + someoneElse.email());

        assertEquals("This page is not open to your account", browser.heading(), browser.text());
        browser.forgetSession();
        browser.signIn(someoneElse.email(), someoneElse.password());
        assertEquals("Your subscriptions", browser.heading(), "their data and login are untouched");
    }

    @Test
    void errorPagesAreHumanAndNeverShowAStackTrace() {
        signInAsNewSubscriber();

        browser.open("no-such-page");
        assertEquals("We can’t find that page", browser.heading());

        browser.open("test-fixtures/failure");
        assertEquals("Something went wrong on our side", browser.heading());
        assertTrue(browser.textOf("incident").matches("[0-9A-F]{8}"), "a code to give support");
        assertFalse(browser.text().contains("Exception"), browser.text());
        browser.screenshot("error-en-desktop", Browser.DESKTOP);

        browser.forgetSession();
        TestData.Person staff = TestData.newStaff(base, "product");
        browser.signIn(staff.email(), staff.password());
        browser.open("account");
        assertEquals("This page is not open to your account", browser.heading());
    }
}
