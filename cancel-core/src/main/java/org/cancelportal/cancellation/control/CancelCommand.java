package org.cancelportal.cancellation.control;

import java.time.Instant;
import java.util.Objects;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.entity.Money;

/**
 * One request to cancel. The idempotency key identifies the request itself (one rendering of a cancel box, one API
 * call): sent again, it yields the same cancellation, even after an undo. The promised refund is the amount the
 * person was shown, if any; they never get less than that. The journey start is when the person opened the page
 * they cancel from, if known: product teams see how long the way out takes. The declaration time is when a
 * cancellation declared earlier (on the public form) reached us: it counts as received then, and the policy's terms
 * are those of that moment, however long it took to match it.
 */
public record CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey,
                            Money promisedRefund, Instant journeyStartedAt, Instant declaredAt) {

    public CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey) {
        this(subscriptionId, mode, requester, idempotencyKey, null, null, null);
    }

    public CancelCommand(long subscriptionId, CancellationMode mode, Requester requester, String idempotencyKey,
                         Money promisedRefund, Instant journeyStartedAt) {
        this(subscriptionId, mode, requester, idempotencyKey, promisedRefund, journeyStartedAt, null);
    }

    public CancelCommand {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(requester, "requester");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            idempotencyKey = null;
        }
    }
}
