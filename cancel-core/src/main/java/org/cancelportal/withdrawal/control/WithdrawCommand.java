package org.cancelportal.withdrawal.control;

import java.time.Instant;
import org.cancelportal.cancellation.control.Requester;

/**
 * A request to withdraw from one subscription. The idempotency key (one per drawn button, or the API's header) makes
 * the same request arriving twice withdraw once; receivedAt is when a declaration confirmed later reached us (null:
 * now).
 */
public record WithdrawCommand(long subscriptionId, Requester requester, String idempotencyKey, Instant receivedAt) {

    public static WithdrawCommand now(long subscriptionId, Requester requester, String idempotencyKey) {
        return new WithdrawCommand(subscriptionId, requester, idempotencyKey, null);
    }
}
