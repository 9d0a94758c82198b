package org.cancelportal.cancellation.control;

import java.util.Objects;
import org.cancelportal.cancellation.entity.CancellationMode;

/**
 * One request to cancel. The idempotency key identifies the request itself (one rendering of a button, one API
 * call): sent again, it yields the same cancellation, even after an undo.
 */
public record CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey) {

    public CancelCommand {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requester, "requester");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            idempotencyKey = null;
        }
    }
}
