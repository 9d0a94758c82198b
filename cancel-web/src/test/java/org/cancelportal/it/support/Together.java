package org.cancelportal.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Calls made at the same moment: every call that has its thread waits behind one start barrier, and the outcome says
 * how many were really in flight together, so a test of "concurrent" calls can prove that they overlapped rather
 * than ran one after another.
 */
public final class Together {

    private Together() {
    }

    /** The answers in the order the calls were made, and the most calls that were running at one instant. */
    public record Outcome<T>(List<T> answers, int mostInFlight) {
    }

    private record Timed<T>(T answer, long startedAt, long endedAt) {
    }

    public static <T> Outcome<T> run(int count, ExecutorService pool, IntFunction<Callable<T>> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Timed<T>>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<T> work = call.apply(i);
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                long startedAt = System.nanoTime();
                T answer = work.call();
                return new Timed<>(answer, startedAt, System.nanoTime());
            }));
        }
        // A small or busy pool may give some calls their thread only when others are done: they start late rather
        // than never, and the overlap the outcome reports says how many really ran together.
        ready.await(30, TimeUnit.SECONDS);
        start.countDown();
        List<Timed<T>> timed = new ArrayList<>();
        for (Future<Timed<T>> future : futures) {
            timed.add(future.get(120, TimeUnit.SECONDS));
        }
        return new Outcome<>(timed.stream().map(Timed::answer).toList(), mostInFlight(timed));
    }

    private static int mostInFlight(List<? extends Timed<?>> calls) {
        int most = 0;
        for (Timed<?> call : calls) {
            int running = 0;
            for (Timed<?> other : calls) {
                if (other.startedAt() <= call.startedAt() && other.endedAt() >= call.startedAt()) {
                    running++;
                }
            }
            most = Math.max(most, running);
        }
        return most;
    }
}
