package org.cancelportal.webhook.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as Standard Webhooks 1.0 defines them, so that a receiver's existing library verifies what we send: the
 * webhook-signature header holds {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the
 * bytes the secret's base64 (after {@code whsec_}) stands for; several signatures, separated by spaces, while a
 * rotated secret's old one still signs.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, as whsec_ and their base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the webhook-signature header: one signature for each secret that signs. */
    public static String header(List<String> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    public static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when one of the header's signatures is this secret's over id, timestamp and body. */
    public static boolean verify(String secret, String id, long timestamp, byte[] body, String header) {
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return header != null && Arrays.stream(header.split(" "))
                .anyMatch(given -> MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
