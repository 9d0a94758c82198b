package org.cancelportal.web.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * Proof that a portal session link was just redeemed for this subscriber. Made only by the code that redeemed it,
 * never from anything a browser sends, so holding one is the check.
 */
public record PortalSessionCredential(long subscriberId, String login) implements Credential {
}
