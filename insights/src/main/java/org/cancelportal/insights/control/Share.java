package org.cancelportal.insights.control;

/** A count and its part of a whole (0 when the whole is empty). */
public record Share(String key, long count, double share) {

    static Share of(String key, long count, long whole) {
        return new Share(key, count, whole == 0 ? 0 : (double) count / whole);
    }

    public long percent() {
        return Math.round(share * 100);
    }
}
