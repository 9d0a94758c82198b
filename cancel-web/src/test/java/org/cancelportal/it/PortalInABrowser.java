package org.cancelportal.it;

import org.cancelportal.it.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The portal, and a fresh English browser for every test, closed after it. */
abstract class PortalInABrowser extends PortalOnly {

    Browser browser;

    /** Whether the browser runs the pages' scripts; a class that proves it needs none says false. */
    boolean javascript() {
        return true;
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(base, "en-US", javascript());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
