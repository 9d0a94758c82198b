package org.cancelportal.identity.control;

import java.util.Optional;

/**
 * The name a subscriber signed in through a portal session goes by when they have no password login of their own:
 * "subscriber#42". It names whom the session acts for, the way a login's account row does.
 */
public final class SubscriberLogins {

    private static final String PREFIX = "subscriber#";

    private SubscriberLogins() {
    }

    public static String forSubscriber(long subscriberId) {
        return PREFIX + subscriberId;
    }

    public static Optional<Long> subscriberId(String login) {
        if (login == null || !login.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(login.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
