package org.cancelportal.insights.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.cancelportal.hashing.Sha256;

/**
 * API keys for the team's tools. Only SHA-256 hashes are configured, so the configuration never holds a usable key;
 * listing a new hash beside the old one lets a tool switch keys without a gap.
 */
@ApplicationScoped
public class ApiKeys {

    @Inject
    ApiSettings settings;

    public boolean accepts(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        byte[] presented = Sha256.hex(key.strip()).getBytes(StandardCharsets.US_ASCII);
        boolean accepted = false;
        for (String hash : settings.keyHashes()) {
            // compare every hash in constant time, so timing tells nothing about how close a guess was
            accepted |= MessageDigest.isEqual(presented, hash.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        }
        return accepted;
    }
}
