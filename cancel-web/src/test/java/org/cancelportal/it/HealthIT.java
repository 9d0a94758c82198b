package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cancelportal.it.support.TestServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer and an orchestrator ask: each application reports itself alive, started (schema migrated,
 * safety check passed) and ready (database answering with the schema this build carries), each under its own name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT extends BothApplications {

    @Test
    void bothApplicationsAreAlive() throws Exception {
        Map<String, JsonObject> checks = checks("/health/live");
        assertUp(checks, "cancel-web");
        assertUp(checks, "exit-survey");
    }

    @Test
    void bothApplicationsFinishedStarting() throws Exception {
        Map<String, JsonObject> checks = checks("/health/started");
        assertUp(checks, "cancel-web-startup");
        assertUp(checks, "exit-survey-startup");
    }

    @Test
    void bothApplicationsAreReadyOnTheSchemaThisBuildCarries() throws Exception {
        Map<String, JsonObject> checks = checks("/health/ready");
        String newest = newestMigration();
        for (String name : new String[] {"cancel-web-database", "exit-survey-database"}) {
            assertUp(checks, name);
            assertEquals(newest, checks.get(name).getJsonObject("data").getString("schema"), name);
        }
    }

    private static Map<String, JsonObject> checks(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = TestServer.HTTP.send(
                HttpRequest.newBuilder(URI.create(TestServer.ORIGIN + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
        return body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
    }

    private static void assertUp(Map<String, JsonObject> checks, String name) {
        assertEquals("UP", checks.containsKey(name) ? checks.get(name).getString("status") : "missing",
                () -> name + " in " + checks.values());
    }

    private static int[] versionParts(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** The highest version among the migrations this build carries. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../cancel-core/src/main/resources/db/migration"))) {
            // V30_1__… is version 30.1, as Flyway reads it
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+(_\\d+)*__.*"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .max(Comparator.comparing(HealthIT::versionParts, Arrays::compare))
                    .orElseThrow();
        }
    }
}
