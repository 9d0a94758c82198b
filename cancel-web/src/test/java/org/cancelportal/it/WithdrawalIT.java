package org.cancelportal.it;

import static org.cancelportal.it.support.Emails.subject;
import static org.cancelportal.it.support.Emails.textOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.DeclarationAge;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The EU withdrawal function as the law words it, in a browser without JavaScript, in English and German: from the
 * account page one click to the one confirming step, its single button, the confirmation to print or keep, the
 * acknowledgement email, exactly once however often it is pressed, and only inside the withdrawal period. And the
 * public variant without an account: it records and acknowledges, and carries out only through the account's own
 * address, so a stranger ends nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WithdrawalIT extends PortalOnly {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String EMAILS = "withdrawal-email";
    private static final Pattern REFERENCE = Pattern.compile("WD-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Pattern LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN)
            + "/cancel-web/withdrawal\\?ref=\\S+)");

    /** The law's labels, and what each language's pages say around them. */
    private record Words(String browserLanguage, String language, String function, String confirm, String stepHeading,
                         String confirmedHeading, String accountHeading, String fullRefund, String refundExplained,
                         String subject, String finalWords) {
    }

    private static final Words ENGLISH = new Words("en-US", "en", "Withdraw from contract here", "Confirm withdrawal",
            "Withdraw from the contract", "Your withdrawal is confirmed", "Your subscriptions",
            "€30.00, due by ", "You get back all you paid: €30.00.",
            "Your withdrawal from Test Plan Monthly is confirmed",
            "A withdrawal is final: it cannot be undone.");
    private static final Words GERMAN = new Words("de-DE", "de", "Vertrag widerrufen", "Widerruf bestätigen",
            "Vertrag widerrufen", "Ihr Widerruf ist bestätigt", "Ihre Abos",
            "30,00\u00a0€, fällig bis ",
            "Sie bekommen alles zurück, was Sie bezahlt haben: 30,00\u00a0€.",
            "Ihr Widerruf von Test Plan Monthly ist bestätigt",
            "Ein Widerruf ist endgültig: Er lässt sich nicht rückgängig machen.");

    @Test
    void inEnglishWithoutJavaScriptOneClickLeadsToTheOneStepAndItsConfirmationAndEmail() throws Exception {
        journey(ENGLISH);
    }

    @Test
    void inGermanWithoutJavaScriptOneClickLeadsToTheOneStepAndItsConfirmationAndEmail() throws Exception {
        journey(GERMAN);
    }

    private void journey(Words words) throws Exception {
        TestData.Person person = TestData.newSubscriber(base, words.language());
        try (Browser browser = new Browser(base, words.browserLanguage(), false)) {
            browser.signIn(person.email(), person.password());
            assertEquals(words.accountHeading(), browser.heading());
            WebElement function = browser.driverFind(By.linkText(words.function())).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no \"" + words.function() + "\" on " + browser.text()));
            assertTrue(function.getAttribute("class").contains("button"), "shown as prominently as a button");
            assertEquals(2, contentButtons(browser).size(), "the one-click cancel stays beside it: "
                    + contentButtons(browser));

            browser.follow(words.function());
            assertEquals(words.stepHeading(), browser.heading(), "one click from the account page");
            assertEquals(List.of(words.confirm()), contentButtons(browser), "one step, one button, the law's label");
            assertEquals(0, browser.requiredFields());
            assertEquals(onScreen(words.refundExplained()), browser.textOf("withdraw-refund"));

            browser.press(words.confirm());
            assertEquals(words.confirmedHeading(), browser.heading());
            String reference = browser.textOf("reference");
            assertTrue(REFERENCE.matcher(reference).matches(), reference);
            assertTrue(browser.url().contains("/withdrawal?ref=" + reference), "a stable address: " + browser.url());
            assertTrue(browser.textOf("refund").startsWith(onScreen(words.fullRefund())),
                    "due by a date until the operator says it was paid: " + browser.textOf("refund"));
            assertTrue(browser.textOf("refund-next").contains(words.language().equals("de") ? "Sobald das Geld bezahlt"
                    + " ist, steht es hier" : "Once it has been paid, this page says so"), browser.textOf("refund-next"));
            assertTrue(browser.textOf("final").startsWith(words.finalWords()), browser.textOf("final"));
            assertTrue(browser.html().contains("print-hint"), "says how to print or save it");
            String received = browser.textOf("received");
            assertTrue(received.contains("(UTC)"), "received, with the zone: " + received);
            browser.screenshot("withdrawal-confirmed-" + words.language() + "-phone", Browser.PHONE);

            browser.open("withdrawal?ref=" + reference);
            assertEquals(reference, browser.textOf("reference"), "the address works again later");
            browser.open("account");
            assertTrue(browser.driverFind(By.linkText(words.function())).isEmpty(), "no function after withdrawing");
            assertEquals(List.of(), contentButtons(browser), "nothing left to cancel");
            assertTrue(browser.textOf("withdrawal-refund-" + person.subscriptionId()).contains(
                    onScreen(words.fullRefund())), "the account says where the refund stands: " + browser.text());

            MimeMessage email = onlyEmailTo(person.email());
            String text = textOf(email);
            assertEquals(words.subject() + " (" + reference + ")", email.getSubject());
            assertTrue(text.contains(reference), text);
            assertTrue(onScreen(text).contains(received), "the time of receipt as the page says it: " + text);
            assertTrue(text.contains(words.fullRefund()), text);
            assertTrue(text.contains(words.finalWords()), "says plainly that it is final: " + text);
            assertFalse(text.contains("/receipt?"), "no link to a receipt with an undo: " + text);

            String link = link(text);
            browser.forgetSession();
            browser.openUrl(link);
            assertEquals(reference, browser.textOf("reference"), "the email's signed link opens the confirmation");
            browser.openUrl(link.substring(0, link.length() - 2) + "xx");
            assertTrue(browser.url().contains("/login"), "a changed signature opens nothing: " + browser.url());
        }
    }

    @Test
    void pressedTwiceAndFromTwoTabsItWithdrawsOnceWithOneEmail() throws Exception {
        TestData.Person person = TestData.newSubscriber(base);
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.signIn(person.email(), person.password());
            browser.follow("Withdraw from contract here");
            browser.inSecondTab(() -> browser.open("withdraw?subscription=" + person.subscriptionId()));
            browser.press("Confirm withdrawal");
            String reference = browser.textOf("reference");

            browser.switchToOtherTab();
            browser.press("Confirm withdrawal");
            assertEquals("Your withdrawal is confirmed", browser.heading());
            assertEquals(reference, browser.textOf("reference"), "the second tab finds the first withdrawal");

            browser.open("withdraw?subscription=" + person.subscriptionId());
            assertTrue(browser.text().contains("This contract has ended already."), browser.text());
            assertEquals(List.of(), contentButtons(browser));
        }
        assertEquals("status=WITHDRAWN, withdrawals=1, audit=SUBSCRIPTION_WITHDRAWN",
                records(person.subscriptionId()));
        onlyEmailTo(person.email());
    }

    @Test
    void aCancelledSubscriptionInsideThePeriodCanStillBeWithdrawnFromWhichSupersedesTheCancellation()
            throws Exception {
        TestData.Person person = TestData.newSubscriber(base);
        String cancellation;
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.signIn(person.email(), person.password());
            browser.press("Cancel at the end of the period");
            cancellation = browser.textOf("reference");
            browser.open("account");
            browser.follow("Withdraw from contract here");
            assertTrue(browser.text().contains("This withdrawal takes the place of your cancellation."));
            browser.press("Confirm withdrawal");
            assertTrue(browser.text().contains("It takes the place of your cancellation " + cancellation),
                    browser.text());
            String withdrawal = browser.textOf("reference");

            browser.open("receipt?ref=" + cancellation);
            assertEquals("This cancellation was replaced by your withdrawal", browser.heading());
            assertEquals(List.of(), contentButtons(browser), "nothing to undo");
            browser.follow("See your withdrawal " + withdrawal);
            assertEquals(withdrawal, browser.textOf("reference"));
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Browser scanning = new Browser(base, "en-US")) {
            scanning.signIn(person.email(), person.password());
            scanning.open("receipt?ref=" + cancellation);
            scan(scanning, "receipt-superseded-en", found);
        }
        assertEquals(Map.of(), found);
        assertEquals("status=WITHDRAWN, withdrawals=1, audit=CANCELLATION_SUPERSEDED_BY_WITHDRAWAL,"
                + "SUBSCRIPTION_WITHDRAWN", records(person.subscriptionId()));
    }

    @Test
    void whenTheConsumerAskedForAnEarlyStartTheDaysUsedAreKeptBackAndSaidSo() {
        TestData.Person person = TestData.newSubscriber(base);
        terms(person, "start-requested=true");
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.signIn(person.email(), person.password());
            browser.follow("Withdraw from contract here");
            // the fixture's contract was made 10 days ago, for €30.00 a 30-day period
            assertEquals("You asked us to start the service right away, so you pay only for the days you used: 10 of"
                    + " 30 days. Of the €30.00 you paid, we keep €10.00 and you get €20.00 back.",
                    browser.textOf("withdraw-refund"));
            browser.press("Confirm withdrawal");
            assertTrue(browser.textOf("refund").startsWith("€20.00, due by "), browser.textOf("refund"));
        }
    }

    @Test
    void outsideThePeriodOrWithoutTheRightThereIsNoFunctionAndTheStepSaysWhy() {
        TestData.Person late = TestData.newSubscriber(base);
        terms(late, "started-days-ago=15");
        TestData.Person noRight = TestData.newSubscriber(base);
        terms(noRight, "plan-days=0");
        TestData.Person lastDay = TestData.newSubscriber(base);
        terms(lastDay, "started-days-ago=14");
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.signIn(late.email(), late.password());
            assertTrue(browser.driverFind(By.linkText("Withdraw from contract here")).isEmpty(), browser.text());
            browser.open("withdraw?subscription=" + late.subscriptionId());
            assertTrue(browser.text().contains("The withdrawal period of this contract is over."), browser.text());
            assertEquals(List.of(), contentButtons(browser));

            browser.forgetSession();
            browser.signIn(noRight.email(), noRight.password());
            assertTrue(browser.driverFind(By.linkText("Withdraw from contract here")).isEmpty(), browser.text());
            browser.open("withdraw?subscription=" + noRight.subscriptionId());
            assertTrue(browser.text().contains("This contract has no withdrawal period."), browser.text());
            browser.open("withdraw?subscription=" + late.subscriptionId());
            assertEquals(404, browser.statusOfCurrentPage(), "someone else's subscription is not found");

            browser.forgetSession();
            browser.signIn(lastDay.email(), lastDay.password());
            assertTrue(browser.text().contains("Until the end of"), "the whole last day counts: " + browser.text());
            browser.follow("Withdraw from contract here");
            browser.press("Confirm withdrawal");
            assertEquals("Your withdrawal is confirmed", browser.heading());
        }
        assertEquals("status=ACTIVE, withdrawals=0, audit=", records(late.subscriptionId()));
    }

    @Test
    void withoutSigningInTheDeclarationCountsFromItsReceiptAndIsCarriedOutOnlyThroughTheAccountsOwnAddress()
            throws Exception {
        TestData.clearPublicCancelThrottle(base);
        TestData.Person person = TestData.newSubscriber(base);
        String reference;
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.open("account");
            assertTrue(browser.url().contains("/login"), browser.url());
            browser.follow("Withdraw from a contract");
            assertEquals("Withdraw from a contract", browser.heading(), "no sign-in on the way: " + browser.url());
            assertEquals(List.of("Confirm withdrawal"), contentButtons(browser));
            declare(browser, "Test Person", "test plan monthly", person.email());
            assertEquals("Your withdrawal reached us", browser.heading());
            reference = browser.textOf("reference");
            assertTrue(reference.matches("WR-[0-9A-Z]{4}-[0-9A-Z]{4}"), reference);
            assertFalse(browser.text().contains(person.email()) || browser.text().contains("Test Plan"),
                    "made of the reference and the time only: " + browser.text());
        }
        assertEquals("status=ACTIVE, withdrawals=0, audit=WITHDRAWAL_DECLARED", records(person.subscriptionId()),
                "nothing is carried out before the account's own address confirms it");

        MimeMessage confirmRequest = emailWithSubject(person.email(),
                "Please confirm your withdrawal from Test Plan Monthly");
        MimeMessage acknowledgement = emailWithSubject(person.email(), "Your withdrawal reached us (" + reference
                + ")");
        assertTrue(textOf(acknowledgement).contains(reference), textOf(acknowledgement));
        String link = matching(textOf(confirmRequest), "/cancel-web/withdraw-contract/confirm\\?ref=\\S+");
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(link);
            assertEquals("Withdraw from the contract", browser.heading());
            assertEquals(List.of("Confirm withdrawal"), contentButtons(browser));
            browser.press("Confirm withdrawal");
            assertEquals("Your withdrawal is confirmed", browser.heading());
            String withdrawal = browser.textOf("reference");
            browser.openUrl(link);
            assertEquals(withdrawal, browser.textOf("reference"), "the link acts once; then it shows what it did");
            browser.openUrl(link.substring(0, link.length() - 2) + "xx");
            assertEquals(List.of(), contentButtons(browser), "a changed link carries nothing out");
        }
        assertEquals("status=WITHDRAWN, withdrawals=1, audit=SUBSCRIPTION_WITHDRAWN,WITHDRAWAL_DECLARED, received as"
                + " declared=1", records(person.subscriptionId()) + ", received as declared="
                + receivedAsDeclared(person.subscriptionId()));
        TestData.awaitDelivered(base, person.email(), EMAILS, 1);
        assertEquals(1, java.util.Arrays.stream(SMTP.getReceivedMessagesForDomain(person.email()))
                .filter(message -> subject(message).startsWith("Your withdrawal from Test Plan Monthly is confirmed"))
                .count(), "one acknowledgement of the withdrawal, besides the two about the declaration");
    }

    @Test
    void aStrangerWhoKnowsTheNameEmailAndPlanEndsNothingAndLearnsNothing() throws Exception {
        TestData.clearPublicCancelThrottle(base);
        TestData.Person victim = TestData.newSubscriber(base);
        String stranger = "stranger-" + java.util.UUID.randomUUID() + "@example.com";
        String matchedNext;
        String unmatchedNext;
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.open("withdraw-contract");
            declare(browser, "Test Person", "Test Plan Monthly", victim.email());
            matchedNext = browser.textOf("next");
            browser.open("withdraw-contract");
            declare(browser, "Test Person", "Test Plan Monthly", stranger);
            unmatchedNext = browser.textOf("next");
            assertEquals("Your withdrawal reached us", browser.heading());
        }
        assertEquals(matchedNext, unmatchedNext, "the page does not tell whether the details matched");
        emailWithSubject(victim.email(), "Please confirm your withdrawal from Test Plan Monthly");
        MimeMessage toStranger = emailWithSubject(stranger, "Your withdrawal reached us (WR-");
        String text = textOf(toStranger);
        assertFalse(text.contains("Test Plan") || text.contains("Test Person") || text.contains(victim.email()),
                "no free text and nothing about the contract: " + text);
        assertFalse(text.contains("/withdraw-contract/confirm"), "no way to carry it out: " + text);
        assertEquals(1, SMTP.getReceivedMessagesForDomain(stranger).length, "only the acknowledgement");
        assertEquals("status=ACTIVE, withdrawals=0, audit=WITHDRAWAL_DECLARED", records(victim.subscriptionId()));
    }

    @Test
    void aStrangerCannotUseTheFormToMailAThirdPartyMoreThanTheLimitAndThePageSaysSo() {
        TestData.clearPublicCancelThrottle(base);
        String target = "third-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (Browser browser = new Browser(base, "en-US", false)) {
            for (int i = 0; i < 5; i++) {
                browser.open("withdraw-contract");
                declare(browser, "Someone " + i, "Some plan", target);
                assertEquals("Your withdrawal reached us", browser.heading());
                assertTrue(browser.driverFind(By.id("email-withheld")).isEmpty(), browser.text());
            }
            browser.open("withdraw-contract");
            declare(browser, "Someone else", "Some plan", target);
            assertEquals("Your withdrawal reached us", browser.heading(), "still recorded and acknowledged on screen");
            assertTrue(browser.textOf("email-withheld").startsWith("We did not send an email to " + target
                    + ", because many emails went to that address in a short time."), browser.text());
            browser.openUrl(browser.url() + "&lang=de");
            assertTrue(browser.textOf("email-withheld").startsWith("Wir haben keine E-Mail an " + target
                    + " geschickt"), browser.text());
            browser.open("withdraw-contract?lang=en");
        }
        TestData.awaitDelivered(base, target, "withdrawal-declaration-email", 6);
        assertEquals(5, SMTP.getReceivedMessagesForDomain(target).length,
                "five acknowledgements, none more within the window");
    }

    @Test
    void withoutAnAccountASubscriptionWhoseCancellationIsScheduledCanStillBeWithdrawnFrom() throws Exception {
        TestData.clearPublicCancelThrottle(base);
        TestData.Person person = TestData.newSubscriber(base);
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.signIn(person.email(), person.password());
            browser.press("Cancel at the end of the period");
            browser.forgetSession();
            browser.open("withdraw-contract");
            declare(browser, "Test Person", "Test Plan Monthly", person.email());
            assertEquals("Your withdrawal reached us", browser.heading());
        }
        String link = matching(textOf(emailWithSubject(person.email(),
                "Please confirm your withdrawal from Test Plan Monthly")), "/cancel-web/withdraw-contract/confirm\\?ref=\\S+");
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(link);
            browser.press("Confirm withdrawal");
            assertEquals("Your withdrawal is confirmed", browser.heading());
        }
        assertEquals("status=WITHDRAWN, withdrawals=1, audit=CANCELLATION_SUPERSEDED_BY_WITHDRAWAL,"
                + "SUBSCRIPTION_WITHDRAWN,WITHDRAWAL_DECLARED", records(person.subscriptionId()));
    }

    /**
     * Three withdrawals declared without an account, each waiting for its link: one link runs out (its declaration
     * is moved 8 days into the past, beyond the link's 7), support closes one with a note and carries one out on the
     * subscriber's behalf. The desk shows each link's standing, the subscriber's page shows the one still waiting,
     * and the dead links, without JavaScript, say in English and German what happened and whom to contact, with no
     * button, changing nothing.
     */
    @Test
    void supportSeesWhatWaitsForALinkAndResolvesItAndADeadLinkSaysSoKindly() throws Exception {
        TestData.clearPublicCancelThrottle(base);
        TestData.Person late = TestData.newSubscriber(base);
        TestData.Person closed = TestData.newSubscriber(base);
        TestData.Person carried = TestData.newSubscriber(base);
        String lateReference = declareWithoutAccount(late);
        String closedReference = declareWithoutAccount(closed);
        String carriedReference = declareWithoutAccount(carried);
        String lateLink = confirmLink(late);
        String closedLink = confirmLink(closed);
        String carriedLink = confirmLink(carried);
        DeclarationAge.declaredHoursAgo(base, lateReference, 8 * 24);

        // scanned at the end by a browser that runs scripts, where axe-core runs quickly; the pages themselves have none
        Map<String, String> toScan = new LinkedHashMap<>();
        TestData.Person agent = TestData.newStaff(base, "support");
        try (Browser desk = new Browser(base, "en-US", false)) {
            desk.signIn(agent.email(), agent.password());
            desk.follow(desk.textOf("declarations-link"));
            String listed = desk.textOf("withdrawal-declarations");
            assertTrue(Pattern.compile(Pattern.quote(lateReference) + " .*\\n.*\\n.*\\nLink sent to the account"
                    + " address on .+, expired on .+ without being used\\.").matcher(listed).find(), listed);
            assertTrue(Pattern.compile(Pattern.quote(closedReference) + " .*\\n.*\\n.*\\nLink sent to the account"
                    + " address on [^;]+; it works until ").matcher(listed).find(), listed);
            toScan.put("support-declarations-en", desk.url());

            desk.open("support/search?q=" + java.net.URLEncoder.encode(late.email(),
                    java.nio.charset.StandardCharsets.UTF_8));
            desk.follow("Test Person");
            String pending = desk.textOf("pending-links");
            assertTrue(pending.startsWith("Withdrawal " + lateReference) && pending.contains("expired on"), pending);
            toScan.put("support-subscriber-pending-en", desk.url());
            desk.follow(lateReference);
            toScan.put("support-withdrawal-declaration-en", desk.url());
            toScan.put("support-withdrawal-declaration-de", desk.url() + "&lang=de");

            desk.open("support/declarations");
            desk.follow(closedReference);
            assertTrue(desk.textOf("link-state").contains("it works until"), desk.text());
            desk.field("close:note").sendKeys("The subscriber called: the declaration was a mistake.");
            desk.press("Close with this note");
            assertTrue(desk.textOf("done").startsWith("Done: " + closedReference + " is closed"), desk.text());

            desk.follow(carriedReference);
            desk.pressWithin("subscription-" + carried.subscriptionId(), "Carry out the withdrawal");
            assertTrue(Pattern.compile("Done: the withdrawal declared in " + Pattern.quote(carriedReference)
                    + " is carried out \\(WD-").matcher(desk.textOf("done")).find(), desk.text());
            assertFalse(desk.textOf("withdrawal-declarations").contains(carriedReference), "no longer waiting");
            desk.open("support/declarations?lang=de");
            assertEquals("Kündigungen und Widerrufe zuordnen", desk.heading());
            toScan.put("support-declarations-de", desk.url());
            desk.open("support/declarations?lang=en");
        }

        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.openUrl(lateLink);
            assertEquals("This link has expired", browser.heading());
            assertTrue(browser.textOf("link-expired").startsWith("This link worked until "), browser.text());
            assertTrue(browser.text().contains("Questions? Our support team is happy to help."), browser.text());
            assertEquals(List.of(), contentButtons(browser));
            toScan.put("withdrawal-link-expired-en", browser.url());
            browser.openUrl(lateLink + "&lang=de");
            assertEquals("Dieser Link ist abgelaufen", browser.heading());
            assertTrue(browser.textOf("link-expired").startsWith("Dieser Link galt bis "), browser.text());
            assertTrue(browser.text().contains("Fragen? Unser Support-Team hilft gern."), browser.text());
            toScan.put("withdrawal-link-expired-de", browser.url());

            browser.openUrl(closedLink + "&lang=en");
            assertEquals("Our support team has dealt with this", browser.heading());
            assertTrue(browser.text().contains("Questions? Our support team is happy to help."), browser.text());
            assertEquals(List.of(), contentButtons(browser));
            toScan.put("withdrawal-link-resolved-en", browser.url());
            browser.openUrl(closedLink + "&lang=de");
            assertEquals("Unser Support-Team hat das schon erledigt", browser.heading());
            toScan.put("withdrawal-link-resolved-de", browser.url());

            browser.openUrl(carriedLink + "&lang=en");
            assertEquals("Your withdrawal is confirmed", browser.heading(), "the link shows what support did");
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Browser scanner = new Browser(base, "en-US")) {
            scanner.signIn(agent.email(), agent.password());
            toScan.forEach((name, url) -> {
                scanner.openUrl(url.contains("lang=") ? url : url + (url.contains("?") ? "&" : "?") + "lang=en");
                scan(scanner, name, found);
            });
        }
        assertEquals(Map.of(), found);
        assertEquals("status=ACTIVE, withdrawals=0, audit=WITHDRAWAL_DECLARED", records(late.subscriptionId()),
                "the expired link changed nothing");
        assertEquals("status=ACTIVE, withdrawals=0, audit=WITHDRAWAL_DECLARED", records(closed.subscriptionId()));
        assertEquals("status=WITHDRAWN, withdrawals=1, audit=SUBSCRIPTION_WITHDRAWN,WITHDRAWAL_DECLARED, received as"
                + " declared=1", records(carried.subscriptionId()) + ", received as declared="
                + receivedAsDeclared(carried.subscriptionId()));
    }

    /** Declares a withdrawal of the person's contract on the public page, as anyone could; its reference. */
    private String declareWithoutAccount(TestData.Person person) {
        try (Browser browser = new Browser(base, "en-US", false)) {
            browser.open("withdraw-contract");
            declare(browser, "Test Person", "Test Plan Monthly", person.email());
            return browser.textOf("reference");
        }
    }

    /** The link that went to the person's own address. */
    private static String confirmLink(TestData.Person person) throws Exception {
        return matching(textOf(emailWithSubject(person.email(), "Please confirm your withdrawal from Test Plan Monthly")),
                "/cancel-web/withdraw-contract/confirm\\?ref=\\S+");
    }

    private static void declare(Browser browser, String name, String contract, String email) {
        browser.field("withdraw:name").sendKeys(name);
        browser.field("withdraw:contract").sendKeys(contract);
        browser.field("withdraw:email").sendKeys(email);
        browser.press("Confirm withdrawal");
    }

    /** Waits for the email to this address whose subject starts so, among what has arrived. */
    private static MimeMessage emailWithSubject(String address, String subjectStart) {
        MimeMessage[] found = new MimeMessage[1];
        TestServer.eventually("an email \"" + subjectStart + "\" to " + address).until(() -> {
            for (MimeMessage message : SMTP.getReceivedMessagesForDomain(address)) {
                if (message.getSubject().startsWith(subjectStart)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String matching(String text, String pathPattern) {
        Matcher matcher = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN) + pathPattern + ")").matcher(text);
        assertTrue(matcher.find(), "a link in: " + text);
        return matcher.group(1);
    }

    private String receivedAsDeclared(String subscriptionId) {
        return exchange(HttpRequest.newBuilder(URI.create(base + "test-fixtures/withdrawal-terms?declared="
                + subscriptionId)).build());
    }

    @Test
    void theNewPagesPassTheAccessibilityScanInBothLanguagesAtPhoneAndDesktopWidth() {
        TestData.clearPublicCancelThrottle(base);
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Words words : List.of(ENGLISH, GERMAN)) {
            TestData.Person person = TestData.newSubscriber(base, words.language());
            // axe-core runs as a script in the page, so this browser runs scripts; the pages themselves have none
            try (Browser browser = new Browser(base, words.browserLanguage())) {
                browser.signIn(person.email(), person.password());
                scan(browser, "withdrawal-account-" + words.language(), found);
                browser.follow(words.function());
                scan(browser, "withdrawal-step-" + words.language(), found);
                browser.press(words.confirm());
                scan(browser, "withdrawal-confirmed-" + words.language(), found);
                browser.open("account");
                scan(browser, "withdrawal-account-withdrawn-" + words.language(), found);
                browser.open("withdraw?subscription=" + person.subscriptionId());
                scan(browser, "withdrawal-not-possible-" + words.language(), found);
                browser.open("withdraw-contract");
                scan(browser, "withdraw-contract-" + words.language(), found);
                browser.press(words.confirm());
                scan(browser, "withdraw-contract-problems-" + words.language(), found);
                browser.field("withdraw:name").sendKeys("Test Person");
                browser.field("withdraw:contract").sendKeys("Test Plan Monthly");
                browser.field("withdraw:email").sendKeys(person.email());
                browser.press(words.confirm());
                scan(browser, "withdraw-contract-received-" + words.language(), found);
            }
        }
        assertEquals(Map.of(), found);
    }

    private static void scan(Browser browser, String name, Map<String, List<String>> found) {
        for (Map.Entry<String, Dimension> width : Map.of("phone", Browser.PHONE, "desktop", Browser.DESKTOP)
                .entrySet()) {
            List<String> violations = browser.accessibilityViolations(width.getValue());
            if (!violations.isEmpty()) {
                found.put(name + "-" + width.getKey() + " (" + browser.url() + ")", violations);
            }
            browser.screenshot(name + "-" + width.getKey(), width.getValue());
        }
    }

    /** What the browser reports of a text: a no-break space (as in "30,00 €") as a plain space. */
    private static String onScreen(String text) {
        return text.replace('\u00a0', ' ');
    }

    /** The buttons of the page's content: the header's sign-out is not part of the flow. */
    private static List<String> contentButtons(Browser browser) {
        return browser.driverFind(By.cssSelector("main input[type=submit], main button")).stream()
                .map(button -> button.getAttribute("value")).toList();
    }

    private void terms(TestData.Person person, String query) {
        exchange(HttpRequest.newBuilder(URI.create(base + "test-fixtures/withdrawal-terms?subscription="
                + person.subscriptionId() + "&" + query)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private String records(String subscriptionId) {
        return exchange(HttpRequest.newBuilder(URI.create(base + "test-fixtures/withdrawal-terms?subscription="
                + subscriptionId)).build());
    }

    private static String exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = TestServer.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), () -> request.uri() + ": " + response.body());
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the acknowledgement is recorded as delivered; then exactly one email must have arrived. */
    private MimeMessage onlyEmailTo(String address) {
        TestData.awaitDelivered(base, address, EMAILS, 1);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(address);
        assertEquals(1, received.length, "exactly one email to " + address);
        return received[0];
    }

    private static String link(String text) {
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), "a link to the confirmation in: " + text);
        return matcher.group(1);
    }

}
