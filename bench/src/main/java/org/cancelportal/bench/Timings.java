package org.cancelportal.bench;

import java.util.Arrays;

/** Durations of repeated runs of one thing, in milliseconds. */
record Timings(double[] millis) {

    double p50() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    /** Nearest rank: the smallest duration that at least p % of the runs did not exceed. */
    double percentile(int p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
