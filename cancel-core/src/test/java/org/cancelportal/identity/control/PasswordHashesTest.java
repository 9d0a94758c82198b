package org.cancelportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @Test
    void aNewHashIsPbkdf2WithSha256At600000IterationsAndMatchesOnlyItsPassword() {
        String hash = PasswordHashes.hash(PASSWORD);

        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:600000:"), hash);
        assertTrue(PasswordHashes.matches(PASSWORD, hash));
        assertFalse(PasswordHashes.matches("correct horse battery stapler".toCharArray(), hash));
        assertFalse(PasswordHashes.isOutdated(hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(PasswordHashes.hash(PASSWORD), PasswordHashes.hash(PASSWORD));
    }

    @Test
    void aHashOfTheOldCostStillMatchesAndIsOutdated() throws GeneralSecurityException {
        String old = hashAsLibertyMadeIt(PASSWORD, 2048);

        assertTrue(PasswordHashes.matches(PASSWORD, old));
        assertFalse(PasswordHashes.matches("guess".toCharArray(), old));
        assertTrue(PasswordHashes.isOutdated(old));
        assertEquals(2048, PasswordHashes.iterations(old));
    }

    @Test
    void aHashItCannotReadMatchesNothingAndIsOutdated() {
        for (String unreadable : new String[] {null, "", "plain-text-password", "PBKDF2WithHmacSHA256:many:AA==:AA==",
                "PBKDF2WithHmacSHA256:1000:not base64:AA==", "MD5:1000:AA==:AA=="}) {
            assertFalse(PasswordHashes.matches(PASSWORD, unreadable), unreadable);
            assertTrue(PasswordHashes.isOutdated(unreadable), unreadable);
        }
    }

    private static String hashAsLibertyMadeIt(char[] password, int iterations) throws GeneralSecurityException {
        byte[] salt = new byte[32];
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }
}
