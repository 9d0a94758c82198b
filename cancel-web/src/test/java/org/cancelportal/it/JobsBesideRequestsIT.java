package org.cancelportal.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background jobs run on a few threads of their own: when the relays wait on a lock (another node, or a migration,
 * holding the consumers' rows), at most jobs.max-concurrent of each application's wait, and pages still answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JobsBesideRequestsIT extends BothApplications {

    /** jobs.max-concurrent as portal.xml sets it (the test server keeps the default), for each of the two applications. */
    private static final int MAX_WAITING_JOBS = 2 * 3;

    private static final String JDBC_URL = "jdbc:postgresql://localhost:" + Integer.getInteger("it.db.port", 25432)
            + "/postgres";

    @Test
    void pagesAnswerWhileEveryRelayWaitsOnALockedConsumer() throws Exception {
        try (Connection locker = DriverManager.getConnection(JDBC_URL, "postgres", "postgres");
             Connection watcher = DriverManager.getConnection(JDBC_URL, "postgres", "postgres")) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // enrolling a delivery takes a share lock on its consumer's row, which this blocks
                lock.execute("SELECT name FROM outbox_consumer FOR UPDATE");
            }
            try {
                await("the relays waiting on the lock").atMost(Duration.ofSeconds(60))
                        .until(() -> waitingOnLocks(watcher), equalTo(MAX_WAITING_JOBS));
                await("no more jobs than the bound waiting").during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> waitingOnLocks(watcher), lessThanOrEqualTo(MAX_WAITING_JOBS));

                HttpResponse<String> page = TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(portal + "login"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                HttpResponse<String> ready = TestServer.HTTP.send(HttpRequest.newBuilder(
                                URI.create(TestServer.ORIGIN + "/health/ready")).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
            } finally {
                locker.rollback();
            }
            await("the relays going on once the lock is gone").atMost(Duration.ofSeconds(60))
                    .until(() -> waitingOnLocks(watcher), equalTo(0));
        }
    }

    private static int waitingOnLocks(Connection watcher) throws SQLException {
        try (Statement query = watcher.createStatement();
             ResultSet rows = query.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
