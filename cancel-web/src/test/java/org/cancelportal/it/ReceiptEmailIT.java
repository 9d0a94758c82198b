package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The receipt email, received by a real SMTP server on loopback. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReceiptEmailIT extends PortalInABrowser {

    /** The test server sends to localhost on TestServer.MAIL_PORT. */
    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    private static final String RECEIPTS = "receipt-email";

    private static final Pattern RECEIPT_LINK = Pattern.compile("(" + Pattern.quote(TestServer.ORIGIN) + "/cancel-web/receipt\\?ref=\\S+)");

    @Test
    void oneCancellationSendsExactlyOneReceiptWhoseSignedLinkOpensTheReceipt() throws Exception {
        TestData.Person person = TestData.newSubscriber(base);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        String reference = browser.textOf("reference");

        MimeMessage email = onlyEmailTo(person.email());
        String text = textOf(email);
        assertEquals("Your cancellation of Test Plan Monthly is confirmed (" + reference + ")", email.getSubject());
        assertTrue(email.getMessageID().matches("<[0-9a-f-]{36}\\.receipt-email@cancelportal>"), email.getMessageID());
        assertTrue(text.startsWith("Hello Test Person,"), text);
        assertTrue(text.contains("Reference: " + reference), text);
        assertTrue(text.contains("Received: "), text);
        assertTrue(text.contains("Access ends: the end of"), text);
        assertTrue(text.contains("Refund: None"), text);
        assertTrue(text.contains("You can undo this cancellation until"), text);
        assertTrue(text.contains("help@example.com"), text);
        assertTrue(GreenMailUtil.getBody(email).contains("text/html"), "an HTML part as well");

        String link = receiptLink(text);
        browser.forgetSession();
        browser.openUrl(link);
        assertEquals("Your cancellation is confirmed", browser.heading());
        assertEquals(reference, browser.textOf("reference"));
        assertTrue(browser.text().contains("To undo this cancellation, sign in first."));
        try (Browser withoutJavaScript = new Browser(base, "en-US", false)) {
            withoutJavaScript.openUrl(link);
            assertEquals(reference, withoutJavaScript.textOf("reference"), "the link works without JavaScript too");
        }

        browser.openUrl(link.substring(0, link.length() - 2) + "xx");
        assertTrue(browser.url().contains("/login"), "a changed signature opens nothing: " + browser.url());
        assertTrue(browser.text().contains("That link no longer works."));
    }

    @Test
    void undoingSendsOneConfirmationThatTheSubscriptionContinues() throws Exception {
        TestData.Person person = TestData.newSubscriber(base, "de");
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        String reference = browser.textOf("reference");
        browser.press("Undo the cancellation");

        TestData.awaitDelivered(base, person.email(), RECEIPTS, 2);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(person.email());
        assertEquals(2, received.length, "one receipt, one undo confirmation");
        assertEquals("Ihre Kündigung des Abos Test Plan Monthly ist bestätigt (" + reference + ")", received[0].getSubject());
        assertEquals("Ihr Abo Test Plan Monthly läuft weiter (" + reference + ")", received[1].getSubject());
        assertTrue(textOf(received[1]).contains("Ihr Abo läuft weiter wie bisher."), textOf(received[1]));
    }

    @Test
    void whileTheMailServerIsDownCancellingWorksAndTheEmailFollowsOnceItIsBack() throws Exception {
        SMTP.stop();
        TestData.Person person = TestData.newSubscriber(base);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        assertEquals("Your cancellation is confirmed", browser.heading());
        TestData.awaitAttempted(base, person.email(), RECEIPTS);

        SMTP.start();

        MimeMessage email = onlyEmailTo(person.email());
        assertTrue(email.getSubject().startsWith("Your cancellation of Test Plan Monthly is confirmed"));
    }

    @Test
    void aRelayThatDiesRightAfterSendingStillDeliversAndARepeatCarriesTheSameMessageId() throws Exception {
        TestData.Person person = TestData.newSubscriberWhoseReceiptCrashesOnce(base);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");

        TestData.awaitDelivered(base, person.email(), RECEIPTS, 1);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(person.email());
        assertEquals(2, received.length, "sent, crashed before recording it, sent again");
        assertEquals(received[0].getMessageID(), received[1].getMessageID(), "the repeat is recognisably the same");
        assertEquals(received[0].getSubject(), received[1].getSubject());
    }

    @Test
    void anAdminSeesAnEmailTheRelayGaveUpOnAndSendsItAgain() throws Exception {
        SMTP.stop();
        TestData.Person person = TestData.newSubscriber(base);
        browser.signIn(person.email(), person.password());
        browser.press("Cancel at the end of the period");
        TestData.awaitAttempted(base, person.email(), RECEIPTS);
        TestData.giveUpDeliveries(base, person.email());
        SMTP.start();
        // The relay sends in the order things happened: once a later cancellation's receipt is out, the dead one
        // would have gone before it, had the relay taken it up again.
        TestData.Person later = TestData.newSubscriber(base);
        browser.forgetSession();
        browser.signIn(later.email(), later.password());
        browser.press("Cancel at the end of the period");
        onlyEmailTo(later.email());
        assertEquals(0, SMTP.getReceivedMessagesForDomain(person.email()).length, "a dead delivery waits for a person");
        assertTrue(TestData.outbox(base, person.email()).stream().anyMatch(line -> line.contains(" DEAD ")));

        browser.forgetSession();
        TestData.Person admin = TestData.newStaff(base, "admin");
        browser.signIn(admin.email(), admin.password());
        browser.open("admin/deliveries");
        assertEquals("Messages we could not deliver", browser.heading());
        assertTrue(browser.text().contains("Subscription " + person.subscriptionId()), browser.text());
        assertTrue(browser.text().contains("Could not connect to SMTP host"));
        browser.screenshot("admin-deliveries-en-desktop", Browser.DESKTOP);
        browser.pressIn("Subscription " + person.subscriptionId() + "\n", "Try again");

        assertTrue(browser.text().contains("Queued again"), browser.text());
        MimeMessage email = onlyEmailTo(person.email());
        assertTrue(email.getSubject().startsWith("Your cancellation of Test Plan Monthly is confirmed"));

        browser.open("admin/erasure");
        browser.field("erasure:email").sendKeys("nobody@example.com");
        browser.press("Erase personal data");
        assertTrue(browser.text().contains("No subscriber has that email address. Nothing was changed."));
        browser.field("erasure:email").clear();
        browser.field("erasure:email").sendKeys(person.email());
        browser.press("Erase personal data");
        assertTrue(browser.text().contains("Done: the personal data of every subscriber with this address"), browser.text());
        browser.forgetSession();
        browser.signIn(person.email(), person.password());
        assertTrue(browser.url().contains("/login"), "the erased login no longer works");
    }

    @Test
    void threeRelaysSideBySideSendEachOf200ReceiptsExactlyOnce() throws Exception {
        String prefix = "bulk" + System.nanoTime() % 100_000;
        long started = System.nanoTime();
        TestData.cancelMany(base, prefix, 200);
        TestData.startExtraRelays(base, 2);

        TestServer.eventually("200 receipts to " + prefix + "-*").until(() -> receivedWithPrefix(prefix).size() >= 200);
        long allArrived = (System.nanoTime() - started) / 1_000_000;
        Map<Integer, Integer> extra = TestData.extraRelayCounts(base);
        int byTheServersOwnRelay = 200 - extra.values().stream().mapToInt(Integer::intValue).sum();
        List<MimeMessage> received = receivedWithPrefix(prefix);
        Set<String> messageIds = new HashSet<>();
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : received) {
            messageIds.add(message.getMessageID());
            recipients.add(message.getAllRecipients()[0].toString());
        }
        System.out.printf("200 cancellations: %d receipts, %d distinct Message-IDs, %d recipients, all in %d ms;"
                + " extra relays delivered %s, the server's own %d%n", received.size(), messageIds.size(),
                recipients.size(), allArrived, extra, byTheServersOwnRelay);
        assertEquals(200, received.size(), "no duplicates, none missing");
        assertEquals(200, messageIds.size());
        assertEquals(200, recipients.size());
        assertEquals(2, extra.size(), "two extra relays ran: " + extra);
        assertTrue(extra.values().stream().allMatch(count -> count > 0), "each extra relay delivered some: " + extra);
        assertTrue(byTheServersOwnRelay > 0, "the server's own relay delivered some too: " + extra);
    }

    private static List<MimeMessage> receivedWithPrefix(String prefix) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().startsWith(prefix + "-");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits until the receipt is recorded as delivered; then exactly one email must have arrived. */
    private MimeMessage onlyEmailTo(String address) {
        TestData.awaitDelivered(base, address, RECEIPTS, 1);
        MimeMessage[] received = SMTP.getReceivedMessagesForDomain(address);
        assertEquals(1, received.length, "exactly one email to " + address);
        return received[0];
    }

    private static String textOf(MimeMessage email) throws Exception {
        var multipart = (jakarta.mail.internet.MimeMultipart) email.getContent();
        return (String) multipart.getBodyPart(0).getContent();
    }

    private static String receiptLink(String text) {
        Matcher matcher = RECEIPT_LINK.matcher(text);
        assertTrue(matcher.find(), "a link to the receipt in: " + text);
        return matcher.group(1);
    }
}
