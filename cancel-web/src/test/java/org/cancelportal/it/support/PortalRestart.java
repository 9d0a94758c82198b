package org.cancelportal.it.support;

import static org.cancelportal.it.support.TestServer.eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Stops the portal application on the test server and starts it again, through the server's own management beans
 * (the local connector Arquillian deploys with). Everything the application holds in memory goes with the stop:
 * its beans, its repeating jobs, its senders' in-flight sets and circuit breakers; only the database stays.
 */
public final class PortalRestart {

    private static final String APPLICATION = "cancel-web";
    private static final Duration STATE_CHANGE = Duration.ofSeconds(180);

    private PortalRestart() {
    }

    /**
     * Stops the application, runs whileStopped, and starts it again; returns, once it has started, when it had
     * stopped (whatever it does after that, the new start did).
     */
    public static Instant restart(Runnable whileStopped) {
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(localAddress()))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName application = new ObjectName("WebSphere:service=com.ibm.websphere.application.ApplicationMBean,"
                    + "name=" + APPLICATION);
            server.invoke(application, "stop", null, null);
            eventually("the application stopped").atMost(STATE_CHANGE)
                    .until(() -> "STOPPED".equals(server.getAttribute(application, "State")));
            Instant stopped = Instant.now();
            whileStopped.run();
            server.invoke(application, "start", null, null);
            eventually("the application started").atMost(STATE_CHANGE)
                    .until(() -> "STARTED".equals(server.getAttribute(application, "State")));
            return stopped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException("The test server's management beans refused: " + e, e);
        }
    }

    /** Where the running test server's local connector listens; the server writes it when it starts. */
    private static String localAddress() throws IOException {
        Path file = Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "cancelportal-it"),
                "logs/state/com.ibm.ws.jmx.local.address");
        return Files.readString(file).strip();
    }
}
