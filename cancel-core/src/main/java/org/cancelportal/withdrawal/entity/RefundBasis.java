package org.cancelportal.withdrawal.entity;

/** Why a withdrawal's refund is what it is. */
public enum RefundBasis {
    /** Everything paid comes back: the service was not started at the consumer's request. */
    FULL,
    /** What was paid, less the days of service used, which the consumer asked to start within the period. */
    PROPORTIONAL,
    /** Nothing was paid yet (a free trial), so nothing comes back. */
    NOTHING_PAID
}
