package org.cancelportal.safety.control;

import java.util.List;
import java.util.Map;

/**
 * What the README and the run command publish to anyone: the demo logins, and the hashes of the demo API keys (never
 * the keys). A server without demo mode refuses to start while any of them would let someone in, in the way a
 * password check refuses passwords known from breaches.
 */
public final class PublishedDemoCredentials {

    public static final List<String> LOGINS = List.of("anna@example.com", "ben@example.com", "chloe@example.com",
            "david@example.com", "eva@example.com", "admin@example.com", "product@example.com",
            "support@example.com", "operator@example.com");

    /** The SHA-256 of each published demo API key, as the key columns and settings hold them, and its name. */
    public static final Map<String, String> KEY_HASHES = Map.of(
            "4a7c449d22a99026fac16a47621ff68792ff589f72334ea3950ce186a5615e9a", "the demo operator API key",
            "ee1c93be1db7d91903434844f304ecb33cd2b72f126c39b8e8714ab1324beb3f", "the demo insights API key");

    private PublishedDemoCredentials() {
    }
}
