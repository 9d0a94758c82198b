package org.cancelportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page of both applications carries the headers that keep it from being framed, sniffed, cached with someone's
 * data or leaking a link's token, the error pages too. (The server's redirect to the sign-in, sent before any filter
 * runs, has no content to protect.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT extends BothApplications {

    private final HttpClient http = org.cancelportal.it.support.TestServer.HTTP;

    @Test
    void thePortalsPagesAndErrorPages() throws Exception {
        assertProtected(portal, "login", 200);
        assertProtected(portal, "cancel-contract", 200);
        assertProtected(portal, "test-fixtures/failure", 500);
    }

    @Test
    void theSurveysPagesAndErrorPages() throws Exception {
        assertProtected(survey, "login", 200);
        assertProtected(survey, "r/not-a-real-token", 200);
        assertProtected(survey, "test-fixtures/fail-like-a-bug", 500);
    }

    @Test
    void overTlsBrowsersAreToldToUseNothingElseAndOverPlainHttpNot() throws Exception {
        HttpsURLConnection tls = (HttpsURLConnection) URI.create("https://localhost:"
                + org.cancelportal.it.support.TestServer.HTTPS_PORT + portal.getPath() + "login").toURL().openConnection();
        tls.setSSLSocketFactory(org.cancelportal.it.metrics.Scrape.trustingAnyCertificate().getSocketFactory());
        tls.setHostnameVerifier((host, session) -> "localhost".equals(host));

        assertEquals(200, tls.getResponseCode());
        assertEquals("max-age=31536000; includeSubDomains", tls.getHeaderField("Strict-Transport-Security"));
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(portal + "login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(Optional.empty(), plain.headers().firstValue("Strict-Transport-Security"));
    }

    private void assertProtected(URL base, String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        String what = path + " " + answer.headers().map();
        assertEquals(status, answer.statusCode(), what);
        assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null), what);
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(null), what);
        assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("")
                .contains("frame-ancestors 'none'"), what);
        assertTrue(answer.headers().allValues("Cache-Control").stream().anyMatch(value -> value.contains("no-store")),
                what);
    }
}
