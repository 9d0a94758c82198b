package org.cancelportal.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example the Standard Webhooks specification and its reference libraries publish. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsExactlyAsTheStandardsReferenceImplementations() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.header(List.of(next, SECRET), ID, TIMESTAMP, BODY);

        assertEquals(2, header.split(" ").length, header);
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header));
        assertTrue(WebhookSignature.verify(next, ID, TIMESTAMP, BODY, header));
        assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, header));
    }

    @Test
    void anyChangeToIdTimestampOrBodyBreaksTheSignature() {
        String header = WebhookSignature.header(List.of(SECRET), ID, TIMESTAMP, BODY);

        assertFalse(WebhookSignature.verify(SECRET, ID + "x", TIMESTAMP, BODY, header));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, header));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8),
                header));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null));
    }

    @Test
    void aNewSecretIsThirtyTwoRandomBytesWithThePrefix() {
        String secret = WebhookSignature.newSecret();

        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign("no-prefix", ID, TIMESTAMP, BODY));
    }
}
