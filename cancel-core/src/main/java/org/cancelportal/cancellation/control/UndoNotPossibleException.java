package org.cancelportal.cancellation.control;

import java.time.Instant;

/** The cancellation has taken effect (or the policy does not allow undoing); the receipt says so plainly. */
public class UndoNotPossibleException extends RuntimeException {

    private final Instant effectiveAt;

    public UndoNotPossibleException(String reference, Instant effectiveAt) {
        super("Cancellation " + reference + " can no longer be undone; effective " + effectiveAt);
        this.effectiveAt = effectiveAt;
    }

    public Instant effectiveAt() {
        return effectiveAt;
    }
}
