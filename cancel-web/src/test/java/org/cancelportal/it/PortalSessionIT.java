package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.cancelportal.it.api.OperatorClient;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.clock.TestTime;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer signed in on the operator's site follows a portal session link: signed in here as themselves, on their
 * own subscriptions only, one click from a confirmed cancellation, with the way back. The link works once, briefly,
 * and only as we made it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalSessionIT extends PortalInABrowser {

    private static final String EXPIRED = "This sign-in link has expired or has been used already.";
    private static final String CONTINUE = "Continue to my account";
    private static final String RETURN_URL = "https://shop.example.com/account?tab=billing";

    OperatorClient.Created shop;

    @BeforeEach
    void operatorWithTwoCustomers() {
        shop = OperatorClient.newOperator(base, "https://other.example.com");
        customer("cus_a", "sub_a");
        customer("cus_b", "sub_b");
    }

    @Test
    void theLinkOpensTheCancelBoxAndCancelsWithOneClick() {
        String url = session("{\"subscriber\":\"cus_a\",\"subscription\":\"sub_a\",\"flow\":\"cancel\","
                + "\"return_url\":\"" + RETURN_URL + "\"}");
        follow(url);

        assertTrue(browser.url().contains("/account#subscription-"), browser.url());
        assertEquals(1, browser.idsOf("section.card").size(), browser.text());
        assertEquals(RETURN_URL, browser.linkTarget("Back to Shop " + shop.code().substring(3)));
        String box = browser.url().substring(browser.url().indexOf('#') + 1);
        browser.pressWithin(box, "Cancel at the end of the period");

        assertEquals("Your cancellation is confirmed", browser.heading());
        assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_a").json().getString("status"));
        assertEquals("ACTIVE", shop.client().get("subscriptions/sub_b").json().getString("status"));
    }

    @Test
    void theLinkWorksOnce() {
        String url = session("{\"subscriber\":\"cus_a\",\"return_url\":\"" + RETURN_URL + "\"}");
        follow(url);
        assertTrue(browser.url().endsWith("/account"), browser.url());

        browser.forgetSession();
        follow(url);
        assertTrue(browser.text().contains(EXPIRED), browser.text());
        browser.open("account");
        assertTrue(browser.url().contains("/login"), "not signed in by a used link");
    }

    @Test
    void anAlteredOrExpiredLinkSignsNobodyIn() {
        String url = session("{\"subscriber\":\"cus_a\",\"return_url\":\"" + RETURN_URL + "\"}");
        String token = url.substring(url.indexOf("token=") + 6, url.indexOf('&'));
        String altered = url.replace(token, token.substring(1) + (token.charAt(0) == 'A' ? 'B' : 'A'));
        follow(altered);
        assertTrue(browser.text().contains(EXPIRED));
        follow(url.substring(0, url.indexOf("&sig=")));
        assertTrue(browser.text().contains(EXPIRED), "no signature, no sign-in");

        OperatorClient.expireSessions(base, shop.code());
        follow(url);
        assertTrue(browser.text().contains(EXPIRED), "its minutes are over");
        browser.open("account");
        assertTrue(browser.url().contains("/login"));
    }

    @Test
    void theSignInHoldsThoughTheServerForgetsWhomItSignedIn() {
        follow(session("{\"subscriber\":\"cus_a\",\"return_url\":\"" + RETURN_URL + "\"}"));
        assertTrue(browser.url().endsWith("/account"), browser.url());

        TestData.forgetSignIns(base);

        browser.open("account");
        assertTrue(browser.url().endsWith("/account"), browser.url() + "\n" + browser.text());
        browser.pressWithin(browser.idsOf("section.card").get(0), "Cancel at the end of the period");
        assertEquals("Your cancellation is confirmed", browser.heading());
        assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_a").json().getString("status"));
    }

    @Test
    void aNewLinkReplacesWhoeverWasSignedInBefore() {
        follow(session("{\"subscriber\":\"cus_b\",\"return_url\":\"" + RETURN_URL + "\"}"));
        String before = browser.cookie("JSESSIONID");
        assertTrue(before != null, browser.url() + "\n" + browser.text());
        browser.openUrl(session("{\"subscriber\":\"cus_a\",\"return_url\":\"" + RETURN_URL + "\"}"));
        assertTrue(browser.text().contains("Someone is signed in on this device now."), browser.text());
        browser.press(CONTINUE);
        assertFalse(before.equals(browser.cookie("JSESSIONID")), "a fresh session");
        assertEquals(1, browser.idsOf("section.card").size(), browser.url() + "\n" + browser.text());
        browser.pressWithin(browser.idsOf("section.card").get(0), "Cancel at the end of the period");
        assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_a").json().getString("status"));
        assertEquals("ACTIVE", shop.client().get("subscriptions/sub_b").json().getString("status"),
                "the customer before is signed out");
    }

    @Test
    void openingTheLinkAloneLeavesWhoeverIsSignedInSignedIn() {
        follow(session("{\"subscriber\":\"cus_b\",\"return_url\":\"" + RETURN_URL + "\"}"));
        String signedIn = browser.cookie("JSESSIONID");
        String forA = session("{\"subscriber\":\"cus_a\",\"subscription\":\"sub_a\",\"flow\":\"cancel\","
                + "\"return_url\":\"" + RETURN_URL + "\"}");

        browser.openUrl(forA);
        assertEquals("Continue to your account", browser.heading());
        browser.open("account");
        assertTrue(browser.url().endsWith("/account"), "still signed in: " + browser.url());
        assertEquals(signedIn, browser.cookie("JSESSIONID"), "the same session");
        browser.pressWithin(browser.idsOf("section.card").get(0), "Cancel at the end of the period");
        assertEquals("CANCELLATION_SCHEDULED", shop.client().get("subscriptions/sub_b").json().getString("status"),
                "the person signed in is still cus_b");

        follow(forA);
        assertTrue(browser.url().contains("/account#subscription-"), "opening did not use the link up: " + browser.url());
    }

    @Test
    void theConfirmingPageWorksWithoutScriptsInGermanAndPassesTheAccessibilityScan() {
        try (Browser german = new Browser(base, "de-DE", false)) {
            german.openUrl(session("{\"subscriber\":\"cus_a\",\"return_url\":\"" + RETURN_URL + "\"}"));
            assertEquals("Weiter zu Ihrem Konto", german.heading());
            assertEquals(List.of(), german.accessibilityViolations(Browser.PHONE));
            german.press("Weiter zu meinem Konto");
            assertTrue(german.url().endsWith("/account"), german.url());
        }
    }

    /** Opens a portal session link and presses its one button, as the customer does. */
    private void follow(String url) {
        browser.openUrl(url);
        browser.press(CONTINUE);
    }

    private void customer(String subscriber, String subscription) {
        shop.client().put("subscribers/" + subscriber, "{\"email\":\"" + subscriber + "-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Kim Lee\"}");
        shop.client().put("subscriptions/" + subscription, "{\"subscriber\":\"" + subscriber + "\",\"plan\":\""
                + shop.plan() + "\",\"started_at\":\"" + TestTime.isoMidnightInDays(-330) + "\",\"current_period_start\":\""
                + TestTime.isoMidnightInDays(-10) + "\",\"current_period_end\":\"" + TestTime.isoMidnightInDays(20)
                + "\"}");
    }

    private String session(String body) {
        OperatorClient.Reply reply = shop.client().post("portal-sessions", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("url");
    }
}
