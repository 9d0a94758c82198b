package org.cancelportal.cancellation.control;

import java.util.Objects;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.entity.Money;

/**
 * One request to cancel. The idempotency key identifies the request itself (one rendering of a cancel box, one API
 * call): sent again, it yields the same cancellation, even after an undo. The promised refund is the amount the
 * person was shown, if any; they never get less than that.
 */
public record CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey,
                            Money promisedRefund) {

    public CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey) {
        this(subscriptionId, mode, requester, idempotencyKey, null);
    }

    public CancelCommand {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requester, "requester");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            idempotencyKey = null;
        }
    }
}
