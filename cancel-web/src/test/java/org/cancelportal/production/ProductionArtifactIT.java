package org.cancelportal.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cancelportal.link.control.LinkSigner;
import org.junit.jupiter.api.Test;

/**
 * The two WARs the production artifact is made of, as the build packaged them, and the production server's own
 * configuration: no demo code, no demo password, no hash of a published demo key, and demo mode fixed off.
 */
class ProductionArtifactIT {

    /** Published in the README and printed by the run command, so they must never open a production server. */
    private static final List<String> DEMO_SECRETS = List.of("demo1234", "demo-operator-key", "demo-insights-key");
    private static final List<String> DEMO_KEY_HASHES = List.of(LinkSigner.hash("demo-insights-key"),
            LinkSigner.hash("demo-operator-key"));

    /** The deny-list the start-up check refuses them by: the one place that may know their hashes. */
    private static final String DENY_LIST = "org/cancelportal/safety/control/PublishedDemoCredentials.class";

    private static final List<Path> PRODUCTION_WARS = List.of(Path.of("target/cancel-web.war"),
            Path.of("../exit-survey/target/exit-survey.war"));

    @Test
    void theProductionWarsHoldNoDemoCodeAndNoDemoSecret() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path war : PRODUCTION_WARS) {
            assertTrue(Files.isRegularFile(war), () -> war + " is not built");
            scan(war.toString(), Files.readAllBytes(war), found);
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theProductionServerFixesDemoModeOff() throws IOException {
        String server = Files.readString(Path.of("src/main/liberty/config/server.xml"));
        assertTrue(server.contains("<variable name=\"cancelportal.demo-data\" value=\"false\"/>"), server);
        assertTrue(server.contains("<variable name=\"cancelportal.demo-history\" value=\"false\"/>"), server);
        List<String> found = new ArrayList<>();
        for (String file : List.of("server.xml", "sessions.xml", "portal.xml")) {
            scan(file, Files.readAllBytes(Path.of("src/main/liberty/config", file)), found);
        }
        assertEquals(List.of(), found);
    }

    /** Walks an archive and the archives inside it (the WAR's libraries), noting every demo class and secret. */
    private static void scan(String name, byte[] content, List<String> found) throws IOException {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!name.endsWith(".war") && !name.endsWith(".jar")) {
            DEMO_SECRETS.stream().filter(text::contains).forEach(secret -> found.add(name + " holds " + secret));
            if (!name.endsWith(DENY_LIST)) {
                DEMO_KEY_HASHES.stream().filter(text::contains).forEach(hash -> found.add(name + " holds " + hash));
            }
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String path = name + "!/" + entry.getName();
                if (entry.getName().contains("org/cancelportal/demo/")) {
                    found.add(path);
                }
                if (!entry.isDirectory()) {
                    scan(path, zip.readAllBytes(), found);
                }
            }
        }
    }
}
