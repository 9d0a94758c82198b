package org.cancelportal.portalsession.control;

import java.time.Instant;

/** The sign-in link an operator hands to its customer's browser, and when it stops working. */
public record PortalLink(String url, Instant expiresAt) {
}
