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
        return time(work, null, 0, 0)[0];
    }

    /** Two ways to the same figure, the second slower: it runs {@link #slowRuns()} times. */
    Timings[] timeWithSlower(Work fast, Work slower) throws Exception {
        return time(fast, slower, slowWarmups, slowRuns);
    }

    /** Two ways to the same result, as often as each other. */
    Timings[] timeSideBySide(Work first, Work second) throws Exception {
        return time(first, second, warmups, runs);
    }

    /**
     * Takes turns between the two, so both see the same machine: the same caches, the same background work, the
     * same moment of a garbage collection. The second may be null.
     */
    private Timings[] time(Work first, Work second, int secondWarmups, int secondRuns) throws Exception {
        for (int i = 0; i < Math.max(warmups, secondWarmups); i++) {
            if (i < warmups) {
                first.run();
            }
            if (second != null && i < secondWarmups) {
                second.run();
            }
        }
        double[] firstMillis = new double[runs];
        double[] secondMillis = new double[second == null ? 0 : secondRuns];
        for (int i = 0; i < runs; i++) {
            firstMillis[i] = once(first);
            if (i < secondMillis.length) {
                secondMillis[i] = once(second);
            }
        }
        return new Timings[]{new Timings(firstMillis), second == null ? null : new Timings(secondMillis)};
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
