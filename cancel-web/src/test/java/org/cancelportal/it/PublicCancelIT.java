package org.cancelportal.it;

import static org.cancelportal.it.support.Emails.subject;
import static org.cancelportal.it.support.Emails.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.cancelportal.it.support.DeclarationAge;
import org.cancelportal.it.support.FormClient;
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
 * Cancelling without an account (German BGB section 312k): the link on every page, the one public form, what it
 * records and sends, and that the sender learns nothing about whether the details matched. Both applications run,
 * because the exit survey's pages carry the link too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicCancelIT extends BothApplications {

    /**
     * The outbox consumers whose emails these tests read: the receipt, the declaration's confirmation, and the link
     * to the account's own address that confirms a cancellation ending access at once.
     */
    private static final String RECEIPTS = "receipt-email";
    private static final String CONFIRMATIONS = "declaration-email";
    private static final String CONFIRM_LINKS = "declaration-confirm-email";

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private Browser browser;

    /** What a person types into the form; null leaves a field as it is. */
    private record Typed(String contract, String name, String accountEmail, boolean extraordinary, String reason,
                         String desiredEnd, String confirmationEmail) {

        static Typed ordinary(String contract, String name, String accountEmail, String confirmationEmail) {
            return new Typed(contract, name, accountEmail, false, null, null, confirmationEmail);
        }
    }

    @BeforeEach
    void openBrowser() {
        TestData.clearPublicCancelThrottle(portal);
        browser = new Browser(portal, "en-US", false);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        TestData.clearPublicCancelThrottle(portal);
    }

    @Test
    void theFormAsksOnlyWhatTheLawAsksInEnglishAndGermanWithoutJavaScript() {
        browser.open("cancel-contract");
        assertEquals("Cancel a contract", browser.heading());
        assertEquals(List.of("cancel:contract", "cancel:name", "cancel:accountEmail", "cancel:kind:0",
                "cancel:kind:1", "cancel:reason", "cancel:desiredEnd", "cancel:confirmationEmail"), fieldIds());
        assertTrue(browser.html().toLowerCase().contains("type=\"date\""), "a date picker for the end date");
        assertEquals("true", browser.field("cancel:kind:0").getAttribute("checked") == null ? "false" : "true",
                "ordinary is chosen until the person chooses otherwise");
        assertEquals(1, browser.buttons().size());
        assertEquals("Cancel now", browser.buttons().get(0).getAttribute("value"));
        browser.screenshot("public-cancel-en-desktop", Browser.DESKTOP);
        browser.screenshot("public-cancel-en-phone", Browser.PHONE);

        browser.open("cancel-contract?lang=de");
        assertEquals("Vertrag kündigen", browser.heading());
        assertEquals("Jetzt kündigen", browser.buttons().get(0).getAttribute("value"));
        assertTrue(browser.text().contains("Ordentlich: zum nächstmöglichen Termin"));
        browser.screenshot("public-cancel-de-phone", Browser.PHONE);
        browser.open("cancel-contract?lang=en");
    }

    @Test
    void theLinkIsOnEveryPageOfBothApplicationsSignedInOrNot() {
        browser.open("login");
        assertEquals(portal + "cancel-contract", browser.linkTarget("Cancel a contract"));
        browser.open("no-such-page");
        assertEquals(portal + "cancel-contract", browser.linkTarget("Cancel a contract"));
        TestData.Person person = TestData.newSubscriber(portal);
        browser.signIn(person.email(), person.password());
        assertEquals("Your subscriptions", browser.heading());
        browser.follow("Cancel a contract");
        assertEquals("Cancel a contract", browser.heading(), "signed in, the public form opens as well");
        browser.open("login?lang=de");
        assertEquals(portal + "cancel-contract", browser.linkTarget("Verträge hier kündigen"));
        browser.open("login?lang=en");

        browser.openUrl(survey + "r/not-a-real-link");
        assertEquals(portal + "cancel-contract", browser.linkTarget("Cancel a contract"), "the exit survey's pages too");
        assertEquals(portal + "withdraw-contract", browser.linkTarget("Withdraw from a contract"),
                "and beside it the public withdrawal form");
        browser.openUrl(survey.toString());
        browser.follow("Withdraw from a contract");
        assertEquals("Withdraw from a contract", browser.heading());
        browser.openUrl(survey.toString());
        browser.follow("Cancel a contract");
        assertEquals("Cancel a contract", browser.heading());
        try (Browser german = new Browser(portal, "de-DE", false)) {
            german.openUrl(survey + "r/not-a-real-link");
            assertEquals(portal + "cancel-contract", german.linkTarget("Verträge hier kündigen"));
            assertEquals(portal + "withdraw-contract", german.linkTarget("Verträge hier widerrufen"));
        }
    }

    @Test
    void matchingDetailsCancelAtOnceUnderThePolicyWithReceiptAndConfirmation() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        String confirmTo = "confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        send(Typed.ordinary("test plan monthly", "test person", person.email().toUpperCase(), confirmTo));

        assertEquals("We received your cancellation", browser.heading());
        String reference = browser.textOf("fact-reference");
        assertTrue(reference.matches("DC-[A-Z0-9]{4}-[A-Z0-9]{4}"), reference);
        assertTrue(browser.textOf("received-lead").startsWith("We received your cancellation on "));
        assertEquals("As early as possible", browser.textOf("fact-end"));
        assertEquals(confirmTo, browser.textOf("fact-confirmation-email"));
        String records = TestData.declarationRecords(portal, person.email());
        assertTrue(records.matches("(?s)" + reference + " CANCELLED received=.* -> CX-\\S+ channel=PUBLIC_FORM .*actor="
                + person.email().toUpperCase() + "\n"), records);

        MimeMessage receipt = onlyEmailTo(person.email(), RECEIPTS);
        assertTrue(receipt.getSubject().startsWith("Your cancellation of Test Plan Monthly is confirmed (CX-"),
                receipt.getSubject());
        assertTrue(textOf(receipt).contains("You can undo this cancellation until "),
                "carried out at once only because the owner can take it back: " + textOf(receipt));
        MimeMessage confirmation = onlyEmailTo(confirmTo, CONFIRMATIONS);
        assertEquals("We received your cancellation (" + reference + ")", confirmation.getSubject());
        String text = textOf(confirmation);
        assertTrue(text.contains("Reference: " + reference), text);
        assertTrue(text.contains("Received: "), text);
        assertTrue(text.contains("End date you asked for: As early as possible"), text);
        assertFalse(text.contains("CX-"), "the cancellation's facts go only to the account's own address");
        assertFalse(text.toLowerCase().contains("test person") || text.toLowerCase().contains("test plan"),
                "nothing typed into the form goes to an address that is not the account's: " + text);

        Matcher linkInText = Pattern.compile("(http\\S+/cancel-contract/received\\S+)").matcher(text);
        assertTrue(linkInText.find(), text);
        String link = linkInText.group(1);
        browser.forgetSession();
        browser.openUrl(link);
        assertEquals(reference, browser.textOf("fact-reference"), "the emailed link opens the same confirmation");
        browser.openUrl(link.replace("sig=", "sig=1"));
        assertEquals("This link does not work", browser.heading(), "a changed link opens nothing");
        assertEquals(404, TestData.status(portal, link.substring(portal.toString().length()).replace("sig=", "sig=1")));
    }

    @Test
    void theConfirmationReadsTheSameWhetherOrNotTheDetailsMatched() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        String matchedTo = "confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send(Typed.ordinary("Test Plan Monthly", "Test Person", person.email(), matchedTo));
        String matchedPage = comparable(browser.textOf("content"));
        browser.screenshot("public-cancel-received-en-desktop", Browser.DESKTOP);

        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String unmatchedTo = "confirm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send(Typed.ordinary("Test Plan Monthly", "Test Person", unknown, unmatchedTo));
        String unmatchedPage = comparable(browser.textOf("content"));

        assertEquals(matchedPage.replace(person.email(), "ACCOUNT").replace(matchedTo, "CONFIRM"),
                unmatchedPage.replace(unknown, "ACCOUNT").replace(unmatchedTo, "CONFIRM"));
        assertEquals(comparable(textOf(onlyEmailTo(matchedTo, CONFIRMATIONS))).replace(person.email(), "ACCOUNT")
                        .replace(matchedTo, "CONFIRM"),
                comparable(textOf(onlyEmailTo(unmatchedTo, CONFIRMATIONS))).replace(unknown, "ACCOUNT").replace(unmatchedTo, "CONFIRM"));
        assertTrue(TestData.declarationRecords(portal, unknown).contains(" OPEN "), "recorded and queued for support");
    }

    @Test
    void supportMatchesAQueuedDeclarationAndCancelsAsOfItsReceiptOrClosesItWithANote() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        send(Typed.ordinary("the gold plan", "Test Person", person.email(), person.email()));
        String reference = browser.textOf("fact-reference");
        String records = TestData.declarationRecords(portal, person.email());
        assertTrue(records.startsWith(reference + " OPEN "), records);
        TestData.awaitDelivered(portal, person.email(), CONFIRMATIONS, 1);

        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send(Typed.ordinary("something", "Nobody Known", unknown, unknown));
        String unknownReference = browser.textOf("fact-reference");

        browser.forgetSession();
        TestData.Person agent = TestData.newStaff(portal, "support");
        browser.signIn(agent.email(), agent.password());
        assertTrue(browser.textOf("declarations-link").matches("Cancellations and withdrawals without an account: \\d+ open"));
        browser.follow(browser.textOf("declarations-link"));
        assertEquals("Cancellations and withdrawals to match", browser.heading());
        browser.follow(reference);
        assertTrue(browser.textOf("declaration").contains("the gold plan"));
        browser.screenshot("support-declaration-en-desktop", Browser.DESKTOP);
        browser.pressWithin("subscription-" + person.subscriptionId(), "Cancel at the end of the period");
        assertTrue(browser.textOf("done").startsWith("Done: " + reference + " is cancelled, as declared in CX-"),
                browser.textOf("done"));
        assertFalse(browser.textOf("declarations").contains(reference), "no longer waiting");

        records = TestData.declarationRecords(portal, person.email());
        String received = records.replaceAll("(?s).* received=(\\S+ \\S+) .*", "$1");
        assertTrue(records.matches("(?s)" + reference + " CANCELLED .* channel=PUBLIC_FORM requested="
                + Pattern.quote(received) + " actor=" + agent.email() + "\n"),
                "counted from the time of receipt: " + records);
        TestData.awaitDelivered(portal, person.email(), RECEIPTS, 1);
        assertTrue(emailsTo(person.email()).stream().anyMatch(email -> subject(email)
                .startsWith("Your cancellation of Test Plan Monthly is confirmed (CX-")), "the usual receipt");

        browser.follow(unknownReference);
        browser.press("Close with this note");
        assertTrue(browser.text().contains("Please write a note of up to 4,000 characters."));
        browser.field("close:note").sendKeys("No customer with these details; nobody to contact.");
        browser.press("Close with this note");
        assertEquals("Done: " + unknownReference + " is closed with your note.", browser.textOf("done"));
        assertTrue(TestData.declarationRecords(portal, unknown).startsWith(unknownReference + " CLOSED "));
    }

    @Test
    void aWishedEndBeyondThePaidPeriodIsLeftToSupportEvenWhenTheDetailsMatch() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        int year = TestTime.today().getYear() + 4;
        send(new Typed("Test Plan Monthly", "Test Person", person.email(), false, null, "1231" + year, person.email()));

        assertEquals("December 31, " + year, browser.textOf("fact-end"));
        assertTrue(TestData.declarationRecords(portal, person.email()).contains(" OPEN "),
                "ending later means another paid period: a person decides");
        assertEquals("We received your cancellation", subject(onlyEmailTo(person.email(), CONFIRMATIONS)).replaceAll(" \\(.*", ""),
                "only the confirmation of what was sent, no receipt");
    }

    @Test
    void badInputIsNamedAtEachFieldAndChangesNothing() {
        String unknown = "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.open("cancel-contract");
        browser.press("Cancel now");
        assertEquals("Cancel a contract", browser.heading());
        assertTrue(browser.text().contains("Nothing has been sent yet. Please check the fields marked below."));
        assertEquals("Please tell us which contract you want to cancel.", browser.textOf("contract-problem"));
        assertEquals("Please enter your name.", browser.textOf("name-problem"));
        assertEquals("Please enter the email address of your account.", browser.textOf("accountEmail-problem"));
        assertEquals("Please enter the email address for the confirmation.", browser.textOf("confirmationEmail-problem"));
        assertEquals("true", browser.field("cancel:contract").getAttribute("aria-invalid"));

        fill(new Typed("Test Plan Monthly", "Test Person", unknown.replace("@", " at "), true, " ", null,
                "someone@example"));
        browser.press("Cancel now");
        assertEquals("This does not look like an email address. It should look like name@example.com.",
                browser.textOf("accountEmail-problem"));
        assertEquals("Please tell us your reason for an extraordinary cancellation. Or choose an ordinary one.",
                browser.textOf("reason-problem"));
        assertEquals("This does not look like an email address. It should look like name@example.com.",
                browser.textOf("confirmationEmail-problem"));
        assertEquals("Test Plan Monthly", browser.field("cancel:contract").getAttribute("value"), "what was typed stays");
        assertTrue(browser.driverFind(By.id("contract-problem")).isEmpty(), "a good field shows no problem");
        browser.screenshot("public-cancel-problems-en-phone", Browser.PHONE);
        assertEquals("", TestData.declarationRecords(portal, unknown.replace("@", " at ")), "nothing recorded");
        assertEquals("", TestData.declarationRecords(portal, unknown));
    }

    @Test
    void theSameDeclarationSentTwiceFromTwoTabsOrAgainIsRecordedAndCarriedOutOnce() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        Typed typed = Typed.ordinary("Test Plan Monthly", "Test Person", person.email(), person.email());
        browser.open("cancel-contract");
        fill(typed);
        browser.inSecondTab(() -> {
            browser.open("cancel-contract");
            fill(typed);
        });
        browser.press("Cancel now");
        String first = browser.textOf("fact-reference");
        browser.refresh();
        assertEquals(first, browser.textOf("fact-reference"), "a refresh only reads");
        browser.switchToOtherTab();
        browser.press("Cancel now");
        assertEquals(first, browser.textOf("fact-reference"), "the second tab gets the first one's confirmation");

        String records = TestData.declarationRecords(portal, person.email());
        assertEquals(1, records.lines().count(), records);
        TestData.awaitDelivered(portal, person.email(), RECEIPTS, 1);
        TestData.awaitDelivered(portal, person.email(), CONFIRMATIONS, 1);
        assertEquals(2, emailsTo(person.email()).size(), "one receipt and one confirmation, nothing twice");
    }

    @Test
    void oneAddressSendingTooManyDeclarationsWaitsAFewMinutesAndNothingIsRecorded() {
        for (int i = 0; i < 10; i++) {
            send(Typed.ordinary("Plan " + i, "Someone", "probe-" + i + "-" + UUID.randomUUID() + "@example.com",
                    "probe@example.com"));
            assertEquals("We received your cancellation", browser.heading());
        }
        String eleventh = "probe-11-" + UUID.randomUUID() + "@example.com";
        send(Typed.ordinary("Plan 11", "Someone", eleventh, "probe@example.com"));
        assertEquals("Cancel a contract", browser.heading());
        assertTrue(browser.text().contains("Many cancellations came from your internet connection in the last few"
                + " minutes. To protect our customers, please wait 5 minutes and send the form again."), browser.text());
        assertEquals("", TestData.declarationRecords(portal, eleventh));
    }

    @Test
    void behindAProxyOnThisMachineEachClientIsCountedByItsOwnAddress() {
        FormClient crowded = FormClient.throughProxyFor("198.51.100.7");
        for (int i = 0; i < 10; i++) {
            assertTrue(declare(crowded, "probe-" + i + "-" + UUID.randomUUID() + "@example.com")
                    .contains("We received your cancellation"));
        }
        assertTrue(declare(crowded, "probe-11-" + UUID.randomUUID() + "@example.com")
                .contains("Many cancellations came from your internet connection"));

        String other = "other-" + UUID.randomUUID() + "@example.com";
        String page = declare(FormClient.throughProxyFor("198.51.100.8"), other);

        assertTrue(page.contains("We received your cancellation"), page);
    }

    @Test
    void aStrangersExtraordinaryCancellationEndsNothingUntilTheLinkSentToTheAccountsOwnAddressIsUsedOnce()
            throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        String third = "third-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String typedText = "Claim your prize at prize.example " + UUID.randomUUID();
        String page = FormClient.direct().get(portal + "cancel-contract").submit("cancel", Map.of(
                "cancel:contract", "Test Plan Monthly", "cancel:name", "Test Person", "cancel:accountEmail",
                person.email(), "cancel:kind", "EXTRAORDINARY", "cancel:reason", typedText,
                "cancel:confirmationEmail", third), "cancel:send").body();
        assertTrue(page.contains("we send a link to the email address of that contract"), "truthful: " + page);
        assertTrue(page.contains("ending a contract at once cannot be undone"), page);

        String toThird = textOf(onlyEmailTo(third, CONFIRMATIONS));
        assertFalse(toThird.contains(typedText) || toThird.contains("prize") || toThird.contains("Test Person"),
                "the stranger's words never reach a third party through us: " + toThird);
        MimeMessage ask = onlyEmailTo(person.email(), CONFIRM_LINKS);
        assertEquals("Please confirm: cancel Test Plan Monthly?", ask.getSubject());
        assertFalse(textOf(ask).contains(typedText), "nor the owner, whose text it is not");
        String link = linkIn(textOf(ask), "/cancel-contract/confirm");
        assertTrue(SMTP.getReceivedMessages().length > 0 && Arrays.stream(SMTP.getReceivedMessages())
                .filter(email -> rawText(email).contains(link.substring(link.indexOf("/cancel-contract/confirm"))))
                .allMatch(email -> recipients(email).equalsIgnoreCase(person.email())),
                "the link goes to the account's own address only");
        String records = TestData.declarationRecords(portal, person.email());
        assertTrue(records.matches("DC-\\S+ OPEN received=[^>]*\n"), "recorded, nothing cancelled: " + records);

        browser.signIn(person.email(), person.password());
        assertEquals("Your subscriptions", browser.heading());
        assertEquals(1, browser.buttons().stream()
                .filter(button -> "Cancel at the end of the period".equals(button.getAttribute("value"))).count(),
                "still active and unchanged, so it still offers to cancel: " + browser.text());
        browser.forgetSession();

        browser.openUrl(link);
        assertEquals("Confirm your cancellation", browser.heading());
        assertEquals(List.of(), browser.accessibilityViolations(Browser.PHONE));
        browser.screenshot("public-cancel-confirm-en-phone", Browser.PHONE);
        browser.openUrl(link + "&lang=de");
        assertEquals("Kündigung bestätigen", browser.heading());
        assertEquals(List.of(), browser.accessibilityViolations(Browser.DESKTOP));
        browser.screenshot("public-cancel-confirm-de-desktop", Browser.DESKTOP);
        browser.openUrl(link + "&lang=en");
        assertEquals(records, TestData.declarationRecords(portal, person.email()), "opening the link changes nothing");

        browser.press("Confirm cancellation");
        assertEquals("Your subscription has ended", browser.heading());
        String received = records.replaceAll("(?s).* received=(\\S+ \\S+)\\s.*", "$1");
        String done = TestData.declarationRecords(portal, person.email());
        assertTrue(done.matches("(?s)DC-\\S+ CANCELLED .* -> CX-\\S+ channel=PUBLIC_FORM requested="
                + Pattern.quote(received) + " .*"), "counted from the time of receipt: " + done);
        TestData.awaitDelivered(portal, person.email(), RECEIPTS, 1);

        browser.openUrl(link);
        assertEquals("This cancellation is confirmed", browser.heading(), "a second use only shows what happened");
        assertEquals(done, TestData.declarationRecords(portal, person.email()));
        assertEquals(404, TestData.status(portal, link.substring(portal.toString().length()).replace("sig=", "sig=1")),
                "a changed link confirms nothing");
    }

    /**
     * A confirmation link whose time is up, and one whose declaration support closed meanwhile: without JavaScript,
     * in English and German, each says plainly what happened and whom to contact, offers no button, and changes
     * nothing. The first link expires because its declaration is moved past the link's lifetime (72 hours).
     */
    @Test
    void aDeadConfirmationLinkSaysWhatHappenedAndWhomToContactAndChangesNothing() throws Exception {
        TestData.Person late = TestData.newSubscriber(portal);
        String lateLink = extraordinaryDeclarationLink(late);
        TestData.Person handled = TestData.newSubscriber(portal);
        String handledLink = extraordinaryDeclarationLink(handled);
        String lateReference = lateLink.replaceAll(".*[?&]ref=([^&]+).*", "$1");
        String handledReference = handledLink.replaceAll(".*[?&]ref=([^&]+).*", "$1");
        DeclarationAge.declaredHoursAgo(portal, lateReference, 73);
        String lateRecords = TestData.declarationRecords(portal, late.email());

        TestData.Person agent = TestData.newStaff(portal, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/declarations");
        String listed = browser.textOf("declarations");
        assertTrue(Pattern.compile(Pattern.quote(lateReference) + " [^\\n]*\\n.*\\n.*\\nLink sent to the account address on"
                + " .+, expired on .+ without being used\\.").matcher(listed).find(), listed);
        assertTrue(Pattern.compile(Pattern.quote(handledReference) + " [^\\n]*\\n.*\\n.*\\nLink sent to the account address"
                + " on [^;]+; it works until ").matcher(listed).find(), listed);
        browser.follow(handledReference);
        browser.field("close:note").sendKeys("Called the subscriber, who keeps the contract.");
        browser.press("Close with this note");
        browser.forgetSession();

        try (Browser noScript = new Browser(portal, "en-US", false)) {
            noScript.openUrl(lateLink);
            assertEquals("This link has expired", noScript.heading());
            assertTrue(noScript.textOf("link-expired").startsWith("Nothing has changed."), noScript.text());
            assertTrue(noScript.text().contains("Questions? Our support team is happy to help."), noScript.text());
            assertEquals(List.of(), noScript.driverFind(By.cssSelector("main input[type=submit]")));
            noScript.openUrl(lateLink + "&lang=de");
            assertEquals("Dieser Link ist abgelaufen", noScript.heading());
            assertTrue(noScript.text().contains("Fragen? Unser Support-Team hilft gern."), noScript.text());

            noScript.openUrl(handledLink + "&lang=en");
            assertEquals("Our support team has dealt with this", noScript.heading());
            assertTrue(noScript.text().contains("Questions? Our support team is happy to help."), noScript.text());
            assertEquals(List.of(), noScript.driverFind(By.cssSelector("main input[type=submit]")));
            noScript.openUrl(handledLink + "&lang=de");
            assertEquals("Unser Support-Team hat das schon erledigt", noScript.heading());
            noScript.openUrl(handledLink + "&lang=en");
        }
        assertEquals(lateRecords, TestData.declarationRecords(portal, late.email()), "the expired link changed nothing");
        assertTrue(TestData.declarationRecords(portal, handled.email()).contains(" CLOSED "));
        for (TestData.Person person : List.of(late, handled)) {
            browser.signIn(person.email(), person.password());
            assertEquals(1, browser.buttons().stream()
                    .filter(button -> "Cancel at the end of the period".equals(button.getAttribute("value"))).count(),
                    "still active and unchanged: " + browser.text());
            browser.forgetSession();
        }
    }

    /** A stranger's extraordinary cancellation of the person's contract: the link that goes to their own address. */
    private String extraordinaryDeclarationLink(TestData.Person person) throws Exception {
        FormClient.direct().get(portal + "cancel-contract").submit("cancel", Map.of("cancel:contract",
                "Test Plan Monthly", "cancel:name", "Test Person", "cancel:accountEmail", person.email(),
                "cancel:kind", "EXTRAORDINARY", "cancel:reason", "Moving abroad",
                "cancel:confirmationEmail", "someone-" + UUID.randomUUID() + "@example.com"), "cancel:send");
        return linkIn(textOf(onlyEmailTo(person.email(), CONFIRM_LINKS)), "/cancel-contract/confirm");
    }

    @Test
    void oneTypedInAddressGetsItsShareOfConfirmationsAndFurtherDeclarationsAreStillRecordedAndShown() {
        String target = "target-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        for (int i = 0; i < 5; i++) {
            String page = declare(FormClient.throughProxyFor("198.51.100." + (20 + i)),
                    "probe-" + i + "-" + UUID.randomUUID() + "@example.com", i % 2 == 0 ? target : target.toUpperCase());
            assertTrue(page.contains("We also sent this confirmation to "), page);
        }
        String sixth = "probe-6-" + UUID.randomUUID() + "@example.com";
        String page = declare(FormClient.throughProxyFor("198.51.100.30"), sixth, target);

        assertTrue(page.contains("We received your cancellation"), page);
        assertTrue(page.contains("We did not send this confirmation to " + target
                + ", because many emails went to that address in a short time."), "truthful: " + page);
        assertTrue(TestData.declarationRecords(portal, sixth).contains(" OPEN "), "still recorded");
        TestData.awaitDelivered(portal, target, CONFIRMATIONS, 6);
        assertEquals(5, emailsTo(target).size(), "no sixth email to the same address within the window");
    }

    /** Sends the form without a browser: an ordinary cancellation of some plan for the account email. */
    private String declare(FormClient client, String accountEmail) {
        return declare(client, accountEmail, "probe@example.com");
    }

    private String declare(FormClient client, String accountEmail, String confirmationEmail) {
        FormClient.Page sent = client.get(portal + "cancel-contract").submit("cancel", Map.of(
                "cancel:contract", "Some plan", "cancel:name", "Someone", "cancel:accountEmail", accountEmail,
                "cancel:kind", "ORDINARY", "cancel:confirmationEmail", confirmationEmail), "cancel:send");
        assertEquals(200, sent.status(), sent.body());
        return sent.body();
    }

    private static String linkIn(String text, String path) {
        Matcher link = Pattern.compile("(http\\S+" + Pattern.quote(path) + "\\S+)").matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
    }

    private static String rawText(MimeMessage email) {
        try {
            return textOf(email);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage email) {
        try {
            return Arrays.stream(email.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .reduce((a, b) -> a + "," + b).orElse("");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Typed typed) {
        browser.open("cancel-contract");
        fill(typed);
        browser.press("Cancel now", "Jetzt kündigen");
    }

    private void fill(Typed typed) {
        type("cancel:contract", typed.contract());
        type("cancel:name", typed.name());
        type("cancel:accountEmail", typed.accountEmail());
        browser.field(typed.extraordinary() ? "cancel:kind:1" : "cancel:kind:0").click();
        type("cancel:reason", typed.reason());
        type("cancel:desiredEnd", typed.desiredEnd());
        type("cancel:confirmationEmail", typed.confirmationEmail());
    }

    private void type(String id, String text) {
        if (text != null) {
            browser.field(id).clear();
            browser.field(id).sendKeys(text);
        }
    }

    private List<String> fieldIds() {
        return browser.driverFind(By.cssSelector("#cancel input:not([type=hidden]):not([type=submit]), #cancel textarea"))
                .stream().map(element -> element.getAttribute("id")).toList();
    }

    /** The page or email with what differs by nature (references, times, links) put aside. */
    private static String comparable(String text) {
        return text.replaceAll("DC-[A-Z0-9]{4}-[A-Z0-9]{4}", "REFERENCE")
                .replaceAll("[A-Z][a-z]+ \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}\\s?[AP]M \\([A-Z]+\\)", "TIME")
                .replaceAll("http\\S+", "LINK");
    }

    /** Waits until the one message of this consumer is recorded as delivered; then it must be the only email. */
    private MimeMessage onlyEmailTo(String address, String consumer) {
        TestData.awaitDelivered(portal, address, consumer, 1);
        List<MimeMessage> found = emailsTo(address);
        assertEquals(1, found.size(), "exactly one email to " + address);
        return found.get(0);
    }

    /** The portal's emails to this address; the exit survey's invitation, which follows a cancellation, aside. */
    private static List<MimeMessage> emailsTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            try {
                if (!message.getSubject().startsWith("Would you tell us why you left?")
                        && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address))) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }
}
