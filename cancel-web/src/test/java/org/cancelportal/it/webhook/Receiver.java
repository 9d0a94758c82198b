package org.cancelportal.it.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback, as an operator's webhook endpoint: it keeps every request it gets, by path, and
 * answers each path with the statuses it was told to, in turn (the last one from then on).
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived: its headers (lower case), its body byte for byte, and when it came. */
    public record Received(Map<String, String> headers, byte[] body, Instant arrived) {

        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waitingNow = new ConcurrentHashMap<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool()); // a held request must not hold up the others
        server.start();
    }

    /** The URL of a path here, e.g. url("/ok"). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers requests to path with these statuses, one after the other; 200 when told nothing. */
    public void answer(String path, Integer... statuses) {
        answers.put(path, List.of(statuses));
    }

    /** Requests to path are kept waiting for their answer until release(), as a slow receiver keeps them. */
    public void hold(String path) {
        held.put(path, new CountDownLatch(1));
    }

    /** How many requests to path are waiting for their answer now. */
    public int waiting(String path) {
        return waitingNow.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    public void release() {
        held.values().forEach(CountDownLatch::countDown);
    }

    public List<Received> at(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers, body, Instant.now()));
        CountDownLatch wait = held.get(path);
        if (wait != null) {
            AtomicInteger waiting = waitingNow.computeIfAbsent(path, p -> new AtomicInteger());
            waiting.incrementAndGet();
            try {
                wait.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
        List<Integer> statuses = answers.getOrDefault(path, List.of(200));
        int turn = answered.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        int status = statuses.get(Math.min(turn, statuses.size() - 1));
        if (status / 100 == 3) {
            exchange.getResponseHeaders().add("Location", url("/ok"));
        }
        byte[] answer = ("status " + status).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    /** Every request to every path, for a message when something is missing. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        received.forEach((path, requests) -> all.add(path + " × " + requests.size()));
        return all.toString();
    }
}
