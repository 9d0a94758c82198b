package org.cancelportal.it.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Where the integration-test server listens and sends its mail. The ports come from the build (it.* in the parent
 * pom, passed on by failsafe), so two checkouts can run their tests side by side with -Dit.http.port=... etc.
 */
public final class TestServer {

    public static final int HTTP_PORT = Integer.getInteger("it.http.port", 9180);
    public static final int MAIL_PORT = Integer.getInteger("it.mail.port", 3025);
    public static final String ORIGIN = "http://localhost:" + HTTP_PORT;

    private TestServer() {
    }

    /**
     * Waits for something the test can observe (a row, an email, a page), polling it; the bound is generous, as a
     * busy machine with two cores may take many seconds where a quiet one takes a few hundred milliseconds.
     */
    public static ConditionFactory eventually(String awaited) {
        return Awaitility.await(awaited).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions();
    }

    /** The SMTP server the test server sends to; register it with @RegisterExtension. */
    public static GreenMailExtension mailbox() {
        return new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}
