package org.cancelportal.operatordata.control;

/**
 * What an upsert left behind, whether it was made new (201) or already there (200), and whether a renewal it reported
 * was held back because a cancellation is in force.
 */
public record Upserted<T>(T record, boolean created, boolean renewalHeldBack) {

    public Upserted(T record, boolean created) {
        this(record, created, false);
    }
}
