package org.cancelportal.it;

import static org.cancelportal.it.support.TestServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.cancelportal.it.browser.Browser;
import org.cancelportal.it.browser.TestData;
import org.cancelportal.it.support.ServerLog;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the server log holds, read from the test server's log folder: one JSON record per line (the test server runs
 * with log.format=json).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerLogIT extends BothApplications {

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
    void withTheJsonFormatEveryRecordIsOneJsonObjectWithLevelTimeAndMessage() {
        List<JsonObject> records = ServerLog.records();

        assertTrue(records.size() > 20, () -> "JSON records in messages.log: " + records.size());
        for (JsonObject record : records) {
            assertTrue(record.containsKey("ibm_datetime") && record.containsKey("loglevel")
                    && record.containsKey("message"), record::toString);
        }
        JsonObject migrated = records.stream()
                .filter(record -> record.getString("message").startsWith("Database schema at version"))
                .findFirst().orElseThrow(() -> new AssertionError("the application's own record is JSON too"));
        assertEquals("org.cancelportal.schema.control.SchemaMigration", migrated.getString("module"));
        assertEquals("INFO", migrated.getString("loglevel"));
    }
}
