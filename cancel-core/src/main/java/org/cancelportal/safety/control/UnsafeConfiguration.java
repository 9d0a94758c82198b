package org.cancelportal.safety.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What would make a server without demo mode unsafe to open: each problem names the setting or the rows, and the
 * fix. Pure, so every rule is unit tested; {@link StartupSafety} applies it when the application starts.
 */
public final class UnsafeConfiguration {

    /** The password of the embedded and the stock PostgreSQL images: fine on this machine, never on a shared one. */
    static final String DEFAULT_DATABASE_PASSWORD = "postgres";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private UnsafeConfiguration() {
    }

    public static List<String> problems(Function<String, Optional<String>> config, DemoTraces traces) {
        List<String> problems = new ArrayList<>();
        if (config.apply("links.signing-keys").filter(keys -> !keys.isBlank()).isEmpty()) {
            problems.add("links.signing-keys is empty, so links in emails would be signed with a key made at start-up:"
                    + " they stop working at the next restart and on every other node. Set LINKS_SIGNING_KEYS to"
                    + " k1:<32 random bytes in base64>, e.g. k1:$(openssl rand -base64 32).");
        }
        for (String login : traces.logins()) {
            problems.add("The demo login " + login + " exists while cancelportal.demo-data is false; its password is"
                    + " published. Delete it (DELETE FROM"
                    + " app_user WHERE username = '" + login + "';), or give this database to a demo server only.");
        }
        for (String operator : traces.operatorsWithDemoKey()) {
            problems.add("Operator " + operator + " accepts the demo operator API key, which is published. Delete"
                    + " that key (DELETE FROM operator_api_key WHERE key_hash IN ("
                    + String.join(", ", PublishedDemoCredentials.KEY_HASHES.keySet().stream()
                            .map(hash -> "'" + hash + "'").sorted().toList())
                    + ");) and give the operator a key of its own.");
        }
        config.apply("insights.api-key-hashes").stream()
                .flatMap(hashes -> Arrays.stream(hashes.split(",")))
                .map(hash -> hash.trim().toLowerCase(Locale.ROOT))
                .filter(PublishedDemoCredentials.KEY_HASHES::containsKey)
                .forEach(hash -> problems.add("insights.api-key-hashes holds the hash of "
                        + PublishedDemoCredentials.KEY_HASHES.get(hash) + ", which is published. Set"
                        + " INSIGHTS_API_KEY_HASHES to the SHA-256 of keys of your own"
                        + " (printf %s \"$KEY\" | sha256sum)."));
        String host = databaseHost(config.apply("db.url").orElse(""));
        if (!LOCAL_HOSTS.contains(host)) {
            defaultPassword(config, "db.password", host, "DB_USER and DB_PASSWORD").ifPresent(problems::add);
            // The migration role owns the schema: its password matters more, but only when it is used at all.
            if (config.apply("db.migration-user").filter(user -> !user.isBlank()).isPresent()) {
                defaultPassword(config, "db.migration-password", host, "DB_MIGRATION_USER and DB_MIGRATION_PASSWORD")
                        .ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> defaultPassword(Function<String, Optional<String>> config, String key,
            String host, String variables) {
        return config.apply(key).filter(DEFAULT_DATABASE_PASSWORD::equals)
                .map(password -> key + " is the default '" + DEFAULT_DATABASE_PASSWORD + "' for the database on "
                        + host + ". Give the portal a role of its own with a strong password and set " + variables
                        + " (docs/operations.md, \"The database\").");
    }

    /** The host of a jdbc:postgresql://host:port/database URL, lower case; the whole URL when it has none. */
    static String databaseHost(String jdbcUrl) {
        try {
            String host = URI.create(jdbcUrl.replaceFirst("^jdbc:", "")).getHost();
            return host == null ? jdbcUrl : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return jdbcUrl;
        }
    }
}
