package org.cancelportal.web.http;

import java.util.Optional;

/** The key in an "Authorization: Bearer …" header, as both JSON APIs take their keys. */
public final class BearerToken {

    private BearerToken() {
    }

    public static Optional<String> from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }
}
