package org.cancelportal.safety.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsafeConfigurationTest {

    private static final DemoTraces NONE = new DemoTraces(List.of(), List.of());

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "links.signing-keys", "k1:c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==",
            "insights.api-key-hashes", "none",
            "db.url", "jdbc:postgresql://db.example.com:5432/cancelportal",
            "db.password", "a-long-password-of-its-own"));

    private List<String> problems(DemoTraces traces) {
        return UnsafeConfiguration.problems(key -> Optional.ofNullable(settings.get(key)), traces);
    }

    @Test
    void aCarefulConfigurationStarts() {
        assertEquals(List.of(), problems(NONE));
    }

    @Test
    void noSigningKeysNamesTheKeyAndHowToMakeOne() {
        settings.put("links.signing-keys", " ");
        String problem = single(problems(NONE));
        assertTrue(problem.startsWith("links.signing-keys is empty"), problem);
        assertTrue(problem.contains("LINKS_SIGNING_KEYS") && problem.contains("openssl rand -base64 32"), problem);

        settings.remove("links.signing-keys");
        assertEquals(1, problems(NONE).size());
    }

    @Test
    void everyDemoLoginAndEveryOperatorWithTheDemoKeyIsNamedWithTheStatementThatRemovesIt() {
        List<String> problems = problems(new DemoTraces(List.of("admin@example.com", "anna@example.com"),
                List.of("demo-shop")));
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("demo login admin@example.com")
                && problems.get(0).contains("DELETE FROM app_user WHERE username = 'admin@example.com'"), problems::toString);
        assertTrue(problems.get(1).contains("anna@example.com"), problems::toString);
        assertTrue(problems.get(2).startsWith("Operator demo-shop accepts the demo operator API key")
                && problems.get(2).contains("DELETE FROM operator_api_key"), problems::toString);
    }

    @Test
    void theDemoInsightsKeyHashIsRefusedAmongOthersInAnyCase() {
        settings.put("insights.api-key-hashes",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, "
                        + "EE1C93BE1DB7D91903434844F304ECB33CD2B72F126C39B8E8714AB1324BEB3F");
        String problem = single(problems(NONE));
        assertTrue(problem.startsWith("insights.api-key-hashes holds the hash of the demo insights API key"), problem);
    }

    @Test
    void theDefaultDatabasePasswordIsRefusedOnlyAwayFromThisMachine() {
        settings.put("db.password", "postgres");
        String problem = single(problems(NONE));
        assertTrue(problem.startsWith("db.password is the default 'postgres' for the database on db.example.com"),
                problem);

        for (String local : List.of("localhost", "127.0.0.1", "[::1]", "LOCALHOST")) {
            settings.put("db.url", "jdbc:postgresql://" + local + ":5432/cancelportal");
            assertEquals(List.of(), problems(NONE), local);
        }
    }

    @Test
    void theDefaultPasswordOfTheMigrationRoleIsRefusedOnlyWhenThatRoleMigrates() {
        settings.put("db.migration-password", "postgres");
        assertEquals(List.of(), problems(NONE), "no migration role: db.user migrates, with db.password");

        settings.put("db.migration-user", "cancelportal_owner");
        String problem = single(problems(NONE));
        assertTrue(problem.startsWith("db.migration-password is the default 'postgres' for the database on"
                + " db.example.com"), problem);
        assertTrue(problem.contains("DB_MIGRATION_PASSWORD"), problem);

        settings.put("db.url", "jdbc:postgresql://localhost:5432/cancelportal");
        assertEquals(List.of(), problems(NONE));
    }

    private static String single(List<String> problems) {
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}
