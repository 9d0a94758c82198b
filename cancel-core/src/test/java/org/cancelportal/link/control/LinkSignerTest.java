package org.cancelportal.link.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
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

    @Test
    void tokensCarryAtLeast128RandomBitsAndOnlyTheirHashIsStored() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkSigner.randomToken();
            assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128);
            tokens.add(token);
        }
        assertEquals(1000, tokens.size());
        String token = tokens.iterator().next();
        assertEquals(64, LinkSigner.hash(token).length());
        assertNotEquals(token, LinkSigner.hash(token));
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
        signer.config = new Config() {
            @SuppressWarnings("unchecked")
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                return Optional.of((T) keys);
            }

            public <T> T getValue(String name, Class<T> type) {
                throw new UnsupportedOperationException();
            }

            public org.eclipse.microprofile.config.ConfigValue getConfigValue(String name) {
                throw new UnsupportedOperationException();
            }

            public Iterable<String> getPropertyNames() {
                return Set.of();
            }

            public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources() {
                return Set.of();
            }

            public <T> Optional<org.eclipse.microprofile.config.spi.Converter<T>> getConverter(Class<T> type) {
                return Optional.empty();
            }

            public <T> T unwrap(Class<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        signer.loadKeys();
        return signer;
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
