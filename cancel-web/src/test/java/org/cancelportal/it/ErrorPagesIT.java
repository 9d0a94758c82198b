package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cancelportal.it.browser.Browser;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failure in the exit survey reads like one in the portal: a plain apology and a code to give support, also for
 * someone who is not signed in (on the public cancellation form, say, or following a link from an email).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT extends BothApplications {

    @ParameterizedTest
    @CsvSource({"en-US, Something went wrong on our side", "de-DE, Bei uns ist etwas schiefgegangen"})
    void theSurveysErrorPageGivesACodeForSupport(String language, String heading) {
        try (Browser browser = new Browser(survey, language)) {
            browser.openUrl(survey + "test-fixtures/fail-like-a-bug");

            assertEquals(heading, browser.heading());
            assertTrue(browser.textOf("incident").matches("[0-9A-F]{8}"), "a code to give support: " + browser.text());
            assertFalse(browser.text().contains("Exception"), browser.text());
            browser.screenshot("survey-error-" + language, Browser.PHONE);
        }
    }

    @ParameterizedTest
    @CsvSource({"en-US, Something went wrong on our side", "de-DE, Bei uns ist etwas schiefgegangen"})
    void thePortalsErrorPageReachesSomeoneNotSignedIn(String language, String heading) {
        try (Browser browser = new Browser(portal, language)) {
            browser.openUrl(portal + "test-fixtures/failure");

            assertEquals(heading, browser.heading(), browser.url());
            assertTrue(browser.textOf("incident").matches("[0-9A-F]{8}"), "a code to give support: " + browser.text());
        }
    }
}
