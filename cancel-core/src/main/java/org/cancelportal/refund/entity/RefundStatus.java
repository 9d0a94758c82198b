package org.cancelportal.refund.entity;

/** Where a promised refund stands, as far as the operator has told us. */
public enum RefundStatus {
    /** Promised on the receipt; the operator has not confirmed it yet, and still has time. */
    DUE,
    /** The operator has not confirmed it within the agreed days. */
    OVERDUE,
    /** The operator says it was paid, on a date and under a payment reference of theirs. */
    PAID,
    /** The operator says the payment did not go through; the money is still owed. */
    FAILED
}
