package org.cancelportal.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cancelportal.insights.control.ResponseCsv;
import org.cancelportal.insights.control.ResponseQuery;
import org.cancelportal.insights.control.ResponseReader;

/**
 * One CSV export into nothing, timed, with the heap watched while it runs. Flat memory shows as a peak that does not
 * grow with the number of rows: compare a short period with the whole year.
 */
final class CsvExportRun {

    record Result(long rows, long bytes, double seconds, long heapBeforeBytes, long peakSampledBytes,
                  long peakPoolsBytes, long collections, long collectionMillis) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private static final long SAMPLE_EVERY_MILLIS = 2;

    private CsvExportRun() {
    }

    static Result export(ResponseReader reader, ResponseQuery query) throws IOException, InterruptedException {
        System.gc(); // start from what is really live, so the peak is what the export adds
        long heapBefore = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long collectionsBefore = collections();
        long collectionMillisBefore = collectionMillis();

        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(SAMPLE_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        ByteCounter out = new ByteCounter();
        long started = System.nanoTime();
        long rows = ResponseCsv.write(reader, query, out, false);
        double seconds = (System.nanoTime() - started) / 1e9;
        running.set(false);
        sampler.join();
        peak.accumulateAndGet(heapUsed(), Math::max);

        return new Result(rows, out.bytes, seconds, heapBefore, peak.get(), peakOfHeapPools(),
                collections() - collectionsBefore, collectionMillis() - collectionMillisBefore);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Each pool's own peak, added up: an upper bound, since the pools need not peak at the same moment. */
    private static long peakOfHeapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long collectionMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Throws the bytes away and counts them. */
    private static final class ByteCounter extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
