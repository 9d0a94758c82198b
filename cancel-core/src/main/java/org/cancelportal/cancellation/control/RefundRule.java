package org.cancelportal.cancellation.control;

public enum RefundRule {
    /** Nothing is paid back. */
    NONE,
    /** The unused days of the period, counted from the day of cancelling, are paid back. */
    PRORATED,
    /** Everything charged for the period is paid back if cancelled within N days of the charge. */
    FULL_WITHIN_DAYS
}
