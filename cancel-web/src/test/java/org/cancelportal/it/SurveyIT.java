package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exit survey with both modules deployed: one invitation after a cancellation (3 s later on the test server),
 * none after an undo, an opt-out or a recent invitation, and the survey behind the signed link.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SurveyIT extends BothApplications {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String INVITATION = "Would you tell us why you left?";
    private static final Pattern LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN) + "/exit-survey/(r|opt-out)/\\S+)");

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
    void oneCancellationBringsOneInvitationAndItsLinkTakesAnAnswerThatCanBeChangedForADay() throws Exception {
        TestData.Person person = cancel("en");

        MimeMessage invitation = onlyInvitationTo(person.email());
        String text = textOf(invitation);
        assertTrue(text.contains("why did you leave, and what would have been fair to you?"), text);
        assertTrue(text.contains("less than a minute"), text);
        assertTrue(invitation.getMessageID().endsWith(".survey-invitation@cancelportal>"));

        browser.forgetSession();
        browser.openUrl(link(text, "r"));
        assertEquals("Why did you leave?", browser.heading());
        browser.screenshot("survey-en-phone", Browser.PHONE);
        browser.field("survey:reason:1").click();
        browser.field("survey:comment").sendKeys("Nice product, but I use it twice a year.");
        browser.field("survey:fair").sendKeys("A pause button instead of cancelling.");
        browser.press("Send my answer");
        assertEquals("Thank you for your answer", browser.heading());

        browser.openUrl(link(text, "r"));
        assertTrue(browser.text().contains("You already answered. You can still change your answer for a while."));
        assertEquals("A pause button instead of cancelling.", browser.field("survey:fair").getAttribute("value"));

        String stored = TestData.surveyRecords(portal, person.email());
        assertTrue(stored.contains("invitation SENT -"), stored);
        assertTrue(stored.matches("(?s).*response anonymous=false subscriber=\\d+ cancellation=\\d+ reason=too_expensive"
                + " contact=false tenure=under_1_month.*"), stored);
    }

    @Test
    void anAnonymousAnswerKeepsNoLinkToThePersonEvenIfContactWasTickedAndNeedsNoJavaScript() throws Exception {
        TestData.Person person = cancel("de");
        String text = textOf(onlyInvitationTo(person.email()));

        try (Browser withoutJavaScript = new Browser(portal, "en-US", false)) {
            withoutJavaScript.openUrl(link(text, "r"));
            assertEquals("Warum sind Sie gegangen?", withoutJavaScript.heading());
            withoutJavaScript.screenshot("survey-de-nojs-desktop", Browser.DESKTOP);
            withoutJavaScript.field("survey:contact").click();
            withoutJavaScript.field("survey:anonymous").click();
            withoutJavaScript.press("Antwort senden");
            assertEquals("Danke für Ihre Antwort", withoutJavaScript.heading());
        }

        String stored = TestData.surveyRecords(portal, person.email());
        assertTrue(stored.contains("response anonymous=true subscriber=none cancellation=none reason=none contact=false"),
                stored);
    }

    @Test
    void anAnonymousAnswerKeepsOnlyItsDayAndNothingJoinsItToItsInvitationByTimeOrKey() throws Exception {
        TestData.Person person = cancel("en");
        String text = textOf(onlyInvitationTo(person.email()));
        String comment = "Nobody should find me " + UUID.randomUUID();

        browser.forgetSession();
        browser.openUrl(link(text, "r"));
        browser.field("survey:comment").sendKeys(comment);
        browser.field("survey:anonymous").click();
        browser.press("Send my answer");
        assertEquals("Thank you for your answer", browser.heading());

        String joins = TestData.answerJoins(portal, comment);
        assertTrue(joins.matches("submitted \\d{4}-\\d\\d-\\d\\dT00:00:00\\.000000\\n"),
                "the day only, and no time or key shared with any other row: " + joins);
        browser.openUrl(link(text, "r"));
        assertTrue(browser.text().contains("You already answered. You can still change your answer for a while."),
                "still one answer per invitation, changeable through its link");
    }

    @Test
    void undoingWithinTheDelayMeansNoInvitation() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        browser.press("Undo the cancellation");

        awaitRecord(person, "invitation SKIPPED UNDONE");
        assertEquals(List.of(), invitationsTo(person.email()));
    }

    @Test
    void aCancellationReplacedByAWithdrawalBeforeItsInvitationBringsNoInvitation() throws Exception {
        TestData.Person person = TestData.newSubscriber(portal);
        HttpResponse<String> made = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(portal
                + "test-fixtures/withdrawal-terms?subscription=" + person.subscriptionId() + "&cancel-then-withdraw="
                + java.net.URLEncoder.encode(person.email(), java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, made.statusCode(), made.body());

        awaitRecord(person, "invitation SKIPPED SUPERSEDED");
        TestData.awaitDelivered(portal, person.email(), "survey-invitation", 1);
        TestData.awaitDelivered(portal, person.email(), "withdrawal-email", 1);
        assertEquals(List.of(), invitationsTo(person.email()), "nobody is asked why they cancelled a contract they"
                + " withdrew from");
        assertEquals(List.of(), remindersTo(person.email()));
    }

    @Test
    void aSecondCancellationWithinTheWindowBringsNoSecondInvitation() throws Exception {
        TestData.Person person = cancel("en");
        onlyInvitationTo(person.email());
        browser.press("Undo the cancellation");
        browser.follow("Back to your subscriptions");
        browser.press("Cancel at the end of the period");

        awaitRecord(person, "invitation SKIPPED RECENTLY_INVITED");
        assertEquals(1, invitationsTo(person.email()).size());
    }

    @Test
    void theOptOutLinkAsksOnceWorksOnceAndSaysTheSameAfterwards() throws Exception {
        TestData.Person person = cancel("en");
        String text = textOf(onlyInvitationTo(person.email()));
        String optOut = link(text, "opt-out");

        browser.forgetSession();
        browser.openUrl(optOut);
        assertEquals("No more survey emails?", browser.heading());
        browser.press("Don't ask me again");
        assertEquals("Done: no more survey emails", browser.heading());
        browser.openUrl(optOut);
        assertEquals("Done: no more survey emails", browser.heading());

        browser.signIn(person.email(), person.password());
        browser.follow("See the receipt or undo");
        browser.press("Undo the cancellation");
        browser.follow("Back to your subscriptions");
        browser.press("Cancel at the end of the period");
        awaitRecord(person, "invitation SKIPPED OPTED_OUT");
        assertEquals(1, invitationsTo(person.email()).size(), "no invitation after opting out");
    }

    @Test
    void forgedChangedOrExpiredLinksGetAKindPageThatRevealsNothing() throws Exception {
        TestData.Person person = cancel("en");
        String answer = link(textOf(onlyInvitationTo(person.email())), "r");

        browser.forgetSession();
        browser.openUrl(TestServer.ORIGIN + "/exit-survey/r/not-a-real-token");
        assertEquals("This link no longer works", browser.heading());
        browser.openUrl(answer.substring(0, answer.length() - 3) + "AAA");
        assertEquals("This link no longer works", browser.heading());
        browser.openUrl(TestServer.ORIGIN + "/exit-survey/r/" + answer.substring(answer.lastIndexOf('/') + 1,
                answer.indexOf('.')) + ".1.2.3");
        assertEquals("This link no longer works", browser.heading());

        TestData.expireSurveyLinks(portal, person.email());
        browser.openUrl(answer);
        assertEquals("This link no longer works", browser.heading());
        assertTrue(browser.text().contains("your cancellation is not affected"));
    }

    /**
     * An invitation that cannot be sent waits for a person and holds up no one else's. The test SMTP server takes every
     * recipient, so the refused address is one the mail library refuses to send to (a space in it): the send fails
     * just as a server's refusal would, by an exception inside the delivery's transaction.
     */
    @Test
    void anInvitationThatCannotBeSentWaitsOnTheAdminPageAndHoldsUpNoOneElses() throws Exception {
        TestData.Person refused = TestData.newSubscriber(portal);
        String refusedAddress = refused.email().replace("@", " @");
        TestData.changeMailAddress(portal, refused.email(), refusedAddress);
        browser.signIn(refused.email(), refused.password());
        browser.press("Cancel at the end of the period");
        TestData.awaitAttempted(portal, refusedAddress, "survey-invitation");

        browser.forgetSession();
        TestData.Person next = cancel("en");
        browser.forgetSession();
        TestData.Person last = cancel("de");
        onlyInvitationTo(next.email());
        onlyInvitationTo(last.email());

        TestServer.eventually("the relay to give up on the invitation to " + refusedAddress).until(() ->
                TestData.outbox(portal, refusedAddress).contains(
                        "delivery SubscriptionCancelled survey-invitation DEAD attempts=10"));
        browser.forgetSession();
        TestData.Person admin = TestData.newStaff(portal, "admin");
        browser.signIn(admin.email(), admin.password());
        browser.open("admin/deliveries");
        List<String> deadInvitation = List.of("survey-invitation: SubscriptionCancelled",
                "Subscription " + refused.subscriptionId() + "\n");
        String page = browser.text();
        assertTrue(page.contains("survey-invitation: SubscriptionCancelled"), page);
        assertTrue(page.contains("Local address contains control or whitespace"), page);

        TestData.changeMailAddress(portal, refused.email(), refused.email());
        browser.pressIn(deadInvitation, "Try again");
        assertTrue(browser.text().contains("Queued again"), browser.text());
        onlyInvitationTo(refused.email());
    }

    /**
     * The answering person's invitation goes out first. Reminders go out in the order their invitations were sent, so
     * once the silent person's reminder is out, the answering person's turn has passed without one.
     */
    @Test
    void withoutAnAnswerExactlyOneReminderFollowsAndAnAnswerMeansNone() throws Exception {
        TestData.Person answering = cancel("en");
        String answerLink = link(textOf(onlyInvitationTo(answering.email())), "r");
        browser.forgetSession();
        browser.openUrl(answerLink);
        browser.press("Send my answer");
        assertEquals("Thank you for your answer", browser.heading());
        browser.forgetSession();
        TestData.Person silent = cancel("en");
        onlyInvitationTo(silent.email());

        awaitRecord(silent, "invitation SENT - reminded");
        TestServer.eventually("the reminder to " + silent.email()).until(() -> !remindersTo(silent.email()).isEmpty());
        List<MimeMessage> reminders = remindersTo(silent.email());
        assertEquals(1, reminders.size(), "one reminder, never more");
        assertEquals(List.of(), remindersTo(answering.email()), "no reminder after an answer");
        assertTrue(TestData.surveyRecords(portal, answering.email()).contains("invitation SENT -\n"),
                "the answering person's invitation has no reminder recorded");
        String text = textOf(reminders.get(0));
        assertTrue(text.contains("This is the only reminder we send."), text);
        browser.forgetSession();
        browser.openUrl(link(text, "r"));
        assertEquals("Why did you leave?", browser.heading());
    }

    private static List<MimeMessage> remindersTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessagesForDomain(address)).filter(message -> {
            try {
                return "A short reminder: one question about your cancellation".equals(message.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private TestData.Person cancel(String language) {
        TestData.Person person = TestData.newSubscriber(portal, language);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        return person;
    }

    /** Waits until the invitation is recorded as sent and has arrived; then there must be exactly one. */
    private MimeMessage onlyInvitationTo(String address) {
        TestServer.eventually("the invitation to " + address + " sent and received").until(() ->
                TestData.surveyRecords(portal, address).contains("invitation SENT") && !invitationsTo(address).isEmpty());
        List<MimeMessage> invitations = invitationsTo(address);
        assertEquals(1, invitations.size(), "exactly one invitation to " + address);
        return invitations.get(0);
    }

    private void awaitRecord(TestData.Person person, String line) {
        TestServer.eventually("the survey to record \"" + line + "\" for " + person.email())
                .until(() -> TestData.surveyRecords(portal, person.email()).contains(line));
    }

    private static List<MimeMessage> invitationsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessagesForDomain(address)).filter(message -> {
            try {
                return INVITATION.equals(message.getSubject())
                        || "Verraten Sie uns, warum Sie gegangen sind?".equals(message.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String textOf(MimeMessage email) throws Exception {
        return (String) ((MimeMultipart) email.getContent()).getBodyPart(0).getContent();
    }

    private static String link(String text, String kind) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in " + text);
    }
}
