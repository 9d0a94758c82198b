package org.cancelportal.metrics.control;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A figure read from the database at most once per {@link #FRESH_FOR}, however many gauges show parts of it and
 * however often they are scraped. Each node reads for itself; all nodes read the same database.
 */
final class CachedReading<T> {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Supplier<T> read;
    private T value;
    private long readAt;

    CachedReading(Supplier<T> read) {
        this.read = read;
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt >= FRESH_FOR.toNanos()) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
