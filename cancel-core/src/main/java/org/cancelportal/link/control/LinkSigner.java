package org.cancelportal.link.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cancelportal.hashing.Sha256;

/**
 * Signs the links we put in emails with HMAC-SHA256 and checks them. A signed value reads
 * {@code <expiry epoch seconds>.<key id>.<signature>}; the signature covers purpose, subject and expiry, so a link
 * made for one thing is worthless for another. Keys come from links.signing-keys ("id:base64,id:base64", the first
 * one signs, all are accepted, so a key can be rotated without breaking links already sent).
 */
@ApplicationScoped
public class LinkSigner {

    private static final Logger LOG = Logger.getLogger(LinkSigner.class.getName());
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    LinkSettings settings;

    @Inject
    Clock clock;

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private String currentKeyId;

    @PostConstruct
    void loadKeys() {
        keys.putAll(parseKeys(settings.signingKeys()));
        if (keys.isEmpty()) {
            byte[] ephemeral = new byte[32];
            new SecureRandom().nextBytes(ephemeral);
            keys.put("ephemeral", ephemeral);
            LOG.warning("links.signing-keys is not set: links in emails are signed with a key made at start-up and"
                    + " stop working when the server restarts. Set links.signing-keys for production.");
        }
        currentKeyId = keys.keySet().iterator().next();
    }

    static Map<String, byte[]> parseKeys(String configured) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 2);
            byte[] secret = parts.length == 2 ? Base64.getDecoder().decode(parts[1].trim()) : new byte[0];
            if (secret.length < 32) {
                throw new IllegalArgumentException("links.signing-keys: key '" + parts[0]
                        + "' must be id:base64 with at least 32 random bytes");
            }
            parsed.put(parts[0].trim(), secret);
        }
        return parsed;
    }

    public String sign(String purpose, String subject, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return expiry + "." + currentKeyId + "." + mac(keys.get(currentKeyId), purpose, subject, expiry);
    }

    /** True when the signature was made by one of our keys, for this purpose and subject, and has not expired. */
    public boolean verify(String purpose, String subject, String signed) {
        return expiry(purpose, subject, signed).filter(clock.instant()::isBefore).isPresent();
    }

    /** The expiry of a genuine signature, expired or not; empty for anything forged, altered or malformed. */
    public Optional<Instant> expiry(String purpose, String subject, String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        String[] parts = signed.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,12}") || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        long expiry = Long.parseLong(parts[0]);
        String expected = mac(keys.get(parts[1]), purpose, subject, expiry);
        boolean genuine = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return genuine ? Optional.of(Instant.ofEpochSecond(expiry)) : Optional.empty();
    }

    /** 144 random bits, URL-safe: the secret part of a single-use link. */
    public static String randomToken() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return BASE64URL.encodeToString(random);
    }

    /** What we store instead of a token: its SHA-256, hex. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }

    private static String mac(byte[] key, String purpose, String subject, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((purpose + "\n" + subject + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
