package org.cancelportal.idempotency.control;

/** The first answer to a request, as sent: status and body. */
public record StoredResponse(int status, String body) {
}
