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
    public static final int HTTPS_PORT = Integer.getInteger("it.https.port", 9543);
    public static final int MAIL_PORT = Integer.getInteger("it.mail.port", 3025);
    public static final String ORIGIN = "http://localhost:" + HTTP_PORT;

    private TestServer() {
    }

    /**
     * The one HTTP client of the tests, speaking HTTP/1.1 as browsers do to a plain-http server. The JDK client's
     * default, an h2c upgrade, left the server's request threads waiting for HTTP/2 writes that never completed on a
     * busy machine, until the server answered nothing at all.
     */
    public static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();

    /**
     * Waits for something the test can observe (a row, an email, a page), polling it; the bound is generous, as a
     * busy machine with two cores may take many seconds where a quiet one takes a few hundred milliseconds. The first
     * look is at once (Awaitility's own first look waits one poll interval), so what is already so costs no wait.
     */
    public static ConditionFactory eventually(String awaited) {
        return Awaitility.await(awaited).atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions();
    }

    /** The SMTP server the test server sends to; register it with @RegisterExtension. */
    public static GreenMailExtension mailbox() {
        return new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}
