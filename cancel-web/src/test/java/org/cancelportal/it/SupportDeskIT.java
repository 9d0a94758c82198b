package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The support desk: find a subscriber, cancel and undo on their behalf under the same policy, keep notes. Run with
 * JavaScript turned off in the browser: the desk needs none.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupportDeskIT extends PortalInABrowser {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestServer.mailbox();

    @Override
    boolean javascript() {
        return false;
    }

    @Test
    void anAgentFindsASubscriberCancelsAndUndoesOnTheirBehalfAndKeepsANote() throws Exception {
        TestData.Person person = TestData.newSubscriber(base);
        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        assertEquals("Support desk: find a subscriber", browser.heading());

        browser.field("q").sendKeys(person.email().substring(0, 12).toUpperCase());
        browser.press("Search");
        browser.follow("Test Person");
        assertEquals("Test Person", browser.heading());
        assertTrue(browser.text().contains(person.email()));
        browser.screenshot("support-subscriber-en-desktop", Browser.DESKTOP);

        browser.press("Cancel at the end of the period");
        String message = browser.text();
        assertTrue(message.contains("Cancelled on the subscriber’s behalf. Reference CX-"), message);
        String reference = message.replaceAll("(?s).*Reference (CX-[A-Z0-9]{4}-[A-Z0-9]{4}).*", "$1");
        MimeMessage receipt = onlyEmailTo(person.email());
        assertEquals("Your cancellation of Test Plan Monthly is confirmed (" + reference + ")", receipt.getSubject());
        assertTrue(browser.textOf("history").contains("Cancelled · " + agent.email() + " (SUPPORT)"),
                browser.textOf("history"));

        browser.open("support/search?q=" + reference.toLowerCase());
        browser.follow("Test Person");
        browser.press("Undo the cancellation");
        assertTrue(browser.text().contains("Cancellation " + reference + " is undone; the subscription continues."));

        browser.field("note:text").sendKeys("Called about a double charge; explained the refund.");
        browser.press("Add note");
        assertTrue(browser.text().contains("Note added."));
        assertTrue(browser.textOf("history").contains("Note · " + agent.email() + " (SUPPORT)"));
        assertTrue(browser.textOf("history").contains("Called about a double charge; explained the refund."));
        browser.screenshot("support-subscriber-en-phone", Browser.PHONE);
    }

    @Test
    void manyResultsComeFiftyToAPageWithLinksBackAndForth() {
        String prefix = "paged" + System.nanoTime() % 100_000;
        TestData.cancelMany(base, prefix, 53);
        TestData.Person agent = TestData.newStaff(base, "support");
        browser.signIn(agent.email(), agent.password());
        browser.open("support/search?q=" + prefix + "-");
        assertEquals(50, browser.driverFind(org.openqa.selenium.By.cssSelector("#results li")).size());
        assertTrue(browser.textOf("pager").contains("Page 1"));

        browser.follow("Next page");
        assertEquals(3, browser.driverFind(org.openqa.selenium.By.cssSelector("#results li")).size());
        assertTrue(browser.textOf("pager").contains("Page 2"));
        assertTrue(browser.driverFind(org.openqa.selenium.By.linkText("Next page")).isEmpty(), "the last page");

        browser.follow("Previous page");
        assertEquals(50, browser.driverFind(org.openqa.selenium.By.cssSelector("#results li")).size());
    }

    @Test
    void theDeskIsOnlyForSupportAgents() {
        TestData.Person subscriber = TestData.newSubscriber(base);
        browser.signIn(subscriber.email(), subscriber.password());
        browser.open("support/search?q=test");
        assertEquals("This page is not open to your account", browser.heading());

        browser.forgetSession();
        browser.open("support/search");
        assertTrue(browser.url().contains("/login"), "signing in comes first: " + browser.url());
    }

    /** Waits until the receipt is recorded as delivered; then exactly one email must have arrived. */
    private MimeMessage onlyEmailTo(String address) throws Exception {
        TestData.awaitDelivered(base, address, "receipt-email", 1);
        List<MimeMessage> found = messagesTo(address);
        assertEquals(1, found.size(), "exactly one email to " + address);
        return found.get(0);
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }
}
