package org.cancelportal.severalnodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cancelportal.it.support.FormClient;

/**
 * Load for bench/sessions.sh: signed-in visitors, each with a subscription of its own, first reading their account
 * page again and again, then cancelling and undoing again and again, all through the round-robin proxy, so that
 * every request reads its session from the store and every postback writes it back. Prints one line per phase:
 * requests per second, the median and the 99th percentile in milliseconds, and the requests that went wrong.
 * Arguments: the proxy's URL, how many visitors, how many seconds each phase lasts.
 */
public final class SessionStoreLoad {

    private final DemoShop shop;
    private final int visitors;
    private final Duration phase;

    private SessionStoreLoad(String proxy, int visitors, Duration phase) {
        this.shop = new DemoShop(proxy);
        this.visitors = visitors;
        this.phase = phase;
    }

    public static void main(String[] args) throws Exception {
        new SessionStoreLoad(args[0], Integer.parseInt(args[1]), Duration.ofSeconds(Long.parseLong(args[2]))).run();
    }

    private void run() throws Exception {
        List<FormClient> signedIn = new ArrayList<>();
        for (int i = 0; i < visitors; i++) {
            FormClient visitor = FormClient.throughProxyFor(Cluster.newClientAddress());
            shop.newCustomerSignedIn("load-" + shop.run() + "-" + i, visitor);
            signedIn.add(visitor);
        }
        measure("account page", signedIn, (visitor, times, errors) -> {
            long started = System.nanoTime();
            FormClient.Page account = visitor.get(shop.url("account"));
            times.add(System.nanoTime() - started);
            if (account.status() != 200 || !Visits.path(account).equals("/account")) {
                errors.incrementAndGet();
            }
        });
        measure("cancel postback", signedIn, (visitor, times, errors) -> {
            FormClient.Page account = visitor.get(shop.url("account"));
            if (!Visits.hasCancelButton(account)) {
                // an undo that did not go through (counted): bring the subscription back, or try again next time
                account = Visits.undoFromAccountPage(visitor, account, shop.url("account"));
                if (!Visits.hasCancelButton(account)) {
                    errors.incrementAndGet();
                    return;
                }
            }
            long started = System.nanoTime();
            FormClient.Page receipt = Visits.pressFirstCancelButton(account);
            times.add(System.nanoTime() - started);
            if (!Visits.path(receipt).equals("/receipt") || !Visits.hasUndoButton(receipt)) {
                errors.incrementAndGet();
                return;
            }
            started = System.nanoTime();
            FormClient.Page undone = Visits.pressUndo(receipt);
            times.add(System.nanoTime() - started);
            if (!Visits.undone(undone)) {
                errors.incrementAndGet();
            }
        });
    }

    /** One step a visitor repeats, recording how long each request (or postback with its redirect) took. */
    private interface Step {
        void take(FormClient visitor, List<Long> times, AtomicInteger errors);
    }

    private void measure(String name, List<FormClient> signedIn, Step step) throws Exception {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long until = System.nanoTime() + phase.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(signedIn.size());
        List<Future<?>> running = new ArrayList<>();
        for (FormClient visitor : signedIn) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    step.take(visitor, times, errors);
                }
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("RESULT %s | %.0f/s | p50 %.0f ms | p99 %.0f ms | %d wrong%n", name, sorted.size() / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get());
    }

    private static double percentile(List<Long> sorted, double share) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, share * sorted.size())) / 1e6;
    }
}
