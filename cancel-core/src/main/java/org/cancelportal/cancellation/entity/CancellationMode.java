package org.cancelportal.cancellation.entity;

public enum CancellationMode {
    /** Access continues until the paid period ends; nothing more is charged. */
    END_OF_PERIOD,
    /** Access ends now; the policy's refund rule decides what is paid back. */
    IMMEDIATE
}
