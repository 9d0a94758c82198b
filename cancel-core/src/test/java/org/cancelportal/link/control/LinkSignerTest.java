package org.cancelportal.link.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String OLD = "old:" + key(1);
    private static final String NEW = "new:" + key(2);

    @Test
    void aSignatureIsAcceptedForItsPurposeAndSubjectUntilItExpires() {
        LinkSigner signer = signer(NEW);
        String signed = signer.sign("receipt", "CX-7K4M-2QPD", NOW.plus(Duration.ofDays(1)));

        assertTrue(signer.verify("receipt", "CX-7K4M-2QPD", signed));
        assertFalse(signer.verify("receipt", "CX-7K4M-2QPE", signed), "another subject");
        assertFalse(signer.verify("survey-answer", "CX-7K4M-2QPD", signed), "another purpose");
        assertFalse(signerAt(NEW, NOW.plus(Duration.ofDays(2))).verify("receipt", "CX-7K4M-2QPD", signed), "expired");
    }

    @Test
    void anAlteredOrForgedSignatureIsRejected() {
        LinkSigner signer = signer(NEW);
        String signed = signer.sign("receipt", "CX-7K4M-2QPD", NOW.plus(Duration.ofDays(1)));
        String[] parts = signed.split("\\.");

        assertFalse(signer.verify("receipt", "CX-7K4M-2QPD", (Long.parseLong(parts[0]) + 86_400) + "." + parts[1] + "."
                + parts[2]), "a later expiry written in");
        assertFalse(signer.verify("receipt", "CX-7K4M-2QPD", parts[0] + "." + parts[1] + "." + parts[2].substring(1)
                + "A"));
        assertFalse(signer.verify("receipt", "CX-7K4M-2QPD", parts[0] + ".unknown." + parts[2]));
        assertFalse(signer.verify("receipt", "CX-7K4M-2QPD", "garbage"));
        assertFalse(signer.verify("receipt", "CX-7K4M-2QPD", null));
        assertFalse(signer(OLD).verify("receipt", "CX-7K4M-2QPD", signed), "a key we do not hold");
    }

    @Test
    void afterARotationLinksSignedWithThePreviousKeyStillWorkAndNewOnesUseTheNewKey() {
        String sentYesterday = signer(OLD).sign("receipt", "CX-7K4M-2QPD", NOW.plus(Duration.ofDays(1)));
        LinkSigner rotated = signer(NEW + "," + OLD);

        assertTrue(rotated.verify("receipt", "CX-7K4M-2QPD", sentYesterday));
        assertTrue(rotated.sign("receipt", "CX-7K4M-2QPD", NOW.plus(Duration.ofDays(1))).contains(".new."));
        assertFalse(signer(NEW).verify("receipt", "CX-7K4M-2QPD", sentYesterday), "once the old key is removed");
    }

    /**
     * A link's secret must not be guessed: at least 16 bytes, and no byte left fixed or barely used. Randomness
     * cannot be proven by a test, but a counter, a short random part padded out, or a biased generator all leave
     * some bit position set in far more or far fewer than half of the tokens. Over 1,000 tokens a fair bit lands
     * outside 35 % to 65 % with a chance under 1 in 10^19 (Hoeffding's bound), so the test does not fail by bad luck.
     */
    @Test
    void aTokenIsUrlSafeAndEachOfItsAtLeast128BitsIsSetInAboutHalfOfAllTokens() {
        int tokens = 1000;
        Set<String> seen = new HashSet<>();
        int[] setPerBit = null;
        for (int i = 0; i < tokens; i++) {
            String token = LinkSigner.randomToken();
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            assertTrue(bytes.length >= 16, () -> token + " carries " + bytes.length + " bytes");
            if (setPerBit == null) {
                setPerBit = new int[bytes.length * 8];
            }
            assertEquals(setPerBit.length, bytes.length * 8, "every token as long as the first");
            for (int bit = 0; bit < setPerBit.length; bit++) {
                setPerBit[bit] += (bytes[bit / 8] >> (bit % 8)) & 1;
            }
            seen.add(token);
        }

        assertEquals(tokens, seen.size(), "no token twice");
        for (int bit = 0; bit < setPerBit.length; bit++) {
            int set = setPerBit[bit];
            int position = bit;
            assertTrue(set > 350 && set < 650, () -> "bit " + position + " set in " + set + " of " + tokens);
        }
    }

    /**
     * Callers store {@link LinkSigner#hash} in place of the token, so that a copy of the database opens no link. It
     * must be the SHA-256 of the token (checked against the standard's own example and against the JDK's digest), in
     * the 64 lower-case hex characters the CHAR(64) columns hold, the same every time so a link can be looked up, and
     * must not carry the token itself.
     */
    @Test
    void whatIsStoredForATokenIsItsSha256InHexAndNeverTheToken() throws Exception {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LinkSigner.hash("abc"));

        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = LinkSigner.randomToken();
            String stored = LinkSigner.hash(token);

            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))), stored, token);
            assertTrue(stored.matches("[0-9a-f]{64}"), stored);
            assertFalse(stored.contains(token), token);
            assertEquals(stored, LinkSigner.hash(token), "the same token, the same hash");
            hashes.add(stored);
        }
        assertEquals(100, hashes.size(), "different tokens, different hashes");
    }

    @Test
    void aKeyShorterThan32BytesIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> LinkSigner.parseKeys("short:" + Base64.getEncoder()
                .encodeToString(new byte[16])));
    }

    private static LinkSigner signer(String keys) {
        return signerAt(keys, NOW);
    }

    private static LinkSigner signerAt(String keys, Instant now) {
        LinkSigner signer = new LinkSigner();
        signer.clock = Clock.fixed(now, ZoneOffset.UTC);
        signer.settings = new LinkSettings();
        signer.settings.signingKeys = Optional.of(keys);
        signer.loadKeys();
        return signer;
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
