package org.cancelportal.identity.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the form Jakarta Security's Pbkdf2PasswordHash writes ("algorithm:iterations:salt:key", Base64),
 * made with PBKDF2-HMAC-SHA256 at the 600,000 iterations OWASP recommends today. A hash made at a lower cost still
 * verifies, and {@link #isOutdated} tells the sign-in to replace it while it holds the password.
 */
public final class PasswordHashes {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(key(password, ALGORITHM, ITERATIONS, salt, KEY_BITS));
    }

    /** @return whether the password is the one the hash was made of; false for a hash this class cannot read */
    public static boolean matches(char[] password, String hash) {
        Parsed parsed = Parsed.of(hash);
        if (parsed == null) {
            return false;
        }
        byte[] key = key(password, parsed.algorithm(), parsed.iterations(), parsed.salt(), parsed.key().length * 8);
        return MessageDigest.isEqual(key, parsed.key());
    }

    /**
     * Does the work of {@link #matches} for a name no account has, so that a sign-in with an unknown name takes as
     * long as one with a known name and a wrong password, and its timing does not tell which names have accounts.
     *
     * @return false, always
     */
    public static boolean matchesNoAccount(char[] password) {
        matches(password, Decoy.HASH);
        return false;
    }

    /** @return whether the hash was made by another algorithm or at a lower cost than new hashes are */
    public static boolean isOutdated(String hash) {
        Parsed parsed = Parsed.of(hash);
        return parsed == null || !ALGORITHM.equals(parsed.algorithm()) || parsed.iterations() < ITERATIONS;
    }

    /** @return the iterations the hash was made with, or 0 for a hash this class cannot read */
    public static int iterations(String hash) {
        Parsed parsed = Parsed.of(hash);
        return parsed == null ? 0 : parsed.iterations();
    }

    private static byte[] key(char[] password, String algorithm, int iterations, byte[] salt, int bits) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password, salt, iterations, bits)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every Java runtime", e);
        }
    }

    /** Made on first use, not when the class loads: it costs as much as a sign-in. */
    private static final class Decoy {
        static final String HASH = hash("no account has this password".toCharArray());
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {

        static Parsed of(String hash) {
            String[] parts = hash == null ? new String[0] : hash.split(":");
            if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac")) {
                return null;
            }
            try {
                Base64.Decoder base64 = Base64.getDecoder();
                Parsed parsed = new Parsed(parts[0], Integer.parseInt(parts[1]), base64.decode(parts[2]),
                        base64.decode(parts[3]));
                return parsed.iterations() > 0 && parsed.key().length > 0 ? parsed : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
