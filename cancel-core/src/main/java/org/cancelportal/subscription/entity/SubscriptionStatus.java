package org.cancelportal.subscription.entity;

public enum SubscriptionStatus {
    ACTIVE,
    /** Cancelled, still usable until the cancellation's effective date. */
    CANCELLATION_SCHEDULED,
    CANCELLED,
    /** Withdrawn within the withdrawal period: the contract ended from its start, with a refund. */
    WITHDRAWN
}
