package org.cancelportal.safety.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings the start-up check looks at, read like every other setting, and handed over by key. */
@ApplicationScoped
public class SafetySettings {

    @Inject
    @ConfigProperty(name = "cancelportal.demo-data")
    boolean demoData;

    @Inject
    @ConfigProperty(name = "links.signing-keys")
    Optional<String> signingKeys;

    @Inject
    @ConfigProperty(name = "insights.api-key-hashes")
    Optional<String> insightsKeyHashes;

    @Inject
    @ConfigProperty(name = "db.url")
    Optional<String> databaseUrl;

    @Inject
    @ConfigProperty(name = "db.password")
    Optional<String> databasePassword;

    @Inject
    @ConfigProperty(name = "db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "db.migration-password")
    Optional<String> migrationPassword;

    public boolean demoMode() {
        return demoData;
    }

    /** The checked settings by their keys, as {@link UnsafeConfiguration} reads them. */
    public Optional<String> value(String key) {
        Map<String, Optional<String>> values = Map.of("links.signing-keys", signingKeys,
                "insights.api-key-hashes", insightsKeyHashes, "db.url", databaseUrl, "db.password", databasePassword,
                "db.migration-user", migrationUser, "db.migration-password", migrationPassword);
        return values.getOrDefault(key, Optional.empty());
    }
}
