package org.cancelportal.bench;

/**
 * Runs something a number of times after warming up, and keeps how long each run took. A second, slower way to the
 * same result may run fewer times (it takes seconds where the first takes milliseconds).
 */
final class Stopwatch {

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    private final int warmups;
    private final int runs;
    private final int slowWarmups;
    private final int slowRuns;

    Stopwatch(int warmups, int runs, int slowWarmups, int slowRuns) {
        if (slowRuns > runs) {
            throw new IllegalArgumentException("The slower way runs at most as often as the first");
        }
        this.warmups = warmups;
        this.runs = runs;
        this.slowWarmups = slowWarmups;
        this.slowRuns = slowRuns;
    }

    int warmups() {
        return warmups;
    }

    int runs() {
        return runs;
    }

    int slowWarmups() {
        return slowWarmups;
    }

    int slowRuns() {
        return slowRuns;
    }

    Timings time(Work work) throws Exception {
        return time(work, null)[0];
    }

    /**
     * Times two ways to the same figure taking turns, so both see the same machine: the same caches, the same
     * background work, the same moment of a garbage collection. The slower one may be null.
     */
    Timings[] time(Work fast, Work slow) throws Exception {
        for (int i = 0; i < Math.max(warmups, slow == null ? 0 : slowWarmups); i++) {
            if (i < warmups) {
                fast.run();
            }
            if (slow != null && i < slowWarmups) {
                slow.run();
            }
        }
        double[] fastMillis = new double[runs];
        double[] slowMillis = new double[slow == null ? 0 : slowRuns];
        for (int i = 0; i < runs; i++) {
            fastMillis[i] = once(fast);
            if (i < slowMillis.length) {
                slowMillis[i] = once(slow);
            }
        }
        return new Timings[]{new Timings(fastMillis), slow == null ? null : new Timings(slowMillis)};
    }

    private static double once(Work work) throws Exception {
        long started = System.nanoTime();
        Object result = work.run();
        double millis = (System.nanoTime() - started) / 1e6;
        if (result == null) {
            throw new IllegalStateException("A timed query returned nothing");
        }
        return millis;
    }
}
