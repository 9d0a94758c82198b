package org.cancelportal.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Moves time on for one public declaration: it and its confirmation link are moved that many hours into the past, as
 * if the server's clock had run on since it was sent (see WithdrawalFixtures.declaredHoursAgo). Nothing sleeps.
 */
public final class DeclarationAge {

    private DeclarationAge() {
    }

    /** @param reference DC-… (public cancel form) or WR-… (public withdrawal form) */
    public static void declaredHoursAgo(URL base, String reference, int hours) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "test-fixtures/withdrawal-terms?declaration="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "&hours-ago=" + hours))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = TestServer.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
