package org.cancelportal.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);
    private final WebhookTargets tests = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://[::1]/hooks", "https://10.0.0.8/hooks",
            "https://172.16.4.1/hooks", "https://192.168.1.20/hooks", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hooks", "https://[fc00::1]/hooks", "https://[fe80::1]/hooks", "https://0.0.0.0/hooks",
            "https://localhost/hooks"})
    void internalAddressesAreRefusedInProduction(String url) {
        Optional<String> problem = production.problem(url);
        assertTrue(problem.isPresent(), url);
        assertTrue(problem.get().contains("private network") || problem.get().contains("this server itself"),
                problem.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hooks", "ftp://93.184.216.34/hooks", "/hooks", "hooks.example.com",
            "https://user:secret@93.184.216.34/hooks", "https://93.184.216.34/hooks#part", "https://exa mple.com/"})
    void onlyPlainHttpsUrlsAreTaken(String url) {
        assertTrue(production.problem(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hooks", "https://93.184.216.34:8443/cancel-portal?source=portal"})
    void aPublicHttpsAddressIsTaken(String url) {
        assertEquals(Optional.empty(), production.problem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/hooks", "https://localhost:8443/hooks"})
    void withLoopbackAllowedAReceiverOnThisMachineIsTakenOverHttpToo(String url) {
        assertEquals(Optional.empty(), tests.problem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.8/hooks", "https://192.168.1.20/hooks", "http://93.184.216.34/hooks"})
    void allowingLoopbackAllowsNothingElse(String url) {
        assertTrue(tests.problem(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.8/hooks", "https://192.168.1.20/hooks"})
    void aPrivateAddressIsNamedByItsReasonForAPageToSayInItsLanguage(String url) {
        WebhookProblem problem = production.check(url).orElseThrow();
        assertEquals(WebhookProblem.Reason.PRIVATE_NETWORK, problem.reason());
        assertEquals("url", problem.field());
        assertEquals(production.problem(url).orElseThrow(), problem.english());
    }
}
