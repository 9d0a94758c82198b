package org.cancelportal.webhook.boundary;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.cancelportal.schedule.control.JobSettings;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;
import org.cancelportal.trace.control.TraceContext;
import org.cancelportal.webhook.control.WebhookDeliveries;
import org.cancelportal.webhook.control.WebhookSettings;
import org.cancelportal.webhook.control.WebhookSignature;
import org.cancelportal.webhook.control.WebhookTargets;

/**
 * Sends the due webhook deliveries, signed (Standard Webhooks), never following a redirect, within short connect and
 * read timeouts, and checks the address once more just before it connects. Each endpoint has at most one delivery in
 * flight on this node and the deliveries of different endpoints go out side by side, so a slow or dead endpoint holds
 * back no other. Each endpoint has its own circuit breaker (resilience4j: MicroProfile Fault Tolerance's breaker is
 * one per method, not one per endpoint): after five failures in a row its deliveries wait a minute untried. Every
 * node runs one sender; they share the work through the row locks of {@link WebhookDeliveries}.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_IN_FLIGHT = 8;
    static final Duration OPEN_FOR = Duration.ofMinutes(1);
    private static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowSize(5).minimumNumberOfCalls(5).failureRateThreshold(100)
            .waitDurationInOpenState(OPEN_FOR).permittedNumberOfCallsInHalfOpenState(1)
            .build();

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookSettings settings;

    @Inject
    RepeatingJobs jobs;

    @Inject
    Clock clock;

    /** Threads of their own for the sends, each waiting on an operator's server, apart from those serving requests. */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    JobSettings jobSettings;

    private ExecutorService executor;

    @Inject
    TraceContext trace;

    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(BREAKER);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @PostConstruct
    void startThreads() {
        executor = Executors.newFixedThreadPool(jobSettings.maxConcurrent(), threads);
    }

    @PreDestroy
    void stopThreads() {
        executor.shutdown();
    }

    void start(@Observes SchemaReady ready) {
        jobs.every(settings.pollInterval(), settings.pollInterval(), "Webhook sender", this::sendDue);
    }

    /** Starts the due deliveries of every endpoint that has none in flight; returns how many it started. */
    public int sendDue() {
        int started = 0;
        Optional<WebhookDeliveries.Claimed> next;
        while (inFlight.size() < MAX_IN_FLIGHT && (next = deliveries.claimNext(Set.copyOf(inFlight))).isPresent()) {
            WebhookDeliveries.Claimed delivery = next.get();
            inFlight.add(delivery.endpoint());
            executor.execute(() -> {
                try {
                    sendThroughBreaker(delivery);
                } finally {
                    inFlight.remove(delivery.endpoint());
                }
            });
            started++;
        }
        return started;
    }

    private void sendThroughBreaker(WebhookDeliveries.Claimed delivery) {
        CircuitBreaker breaker = breakers.circuitBreaker(delivery.endpoint().toString());
        if (!breaker.tryAcquirePermission()) {
            deliveries.postpone(delivery, clock.instant().plus(OPEN_FOR));
            return;
        }
        long startedNanos = System.nanoTime();
        WebhookDeliveries.Outcome outcome = send(delivery);
        long took = System.nanoTime() - startedNanos;
        if (outcome.statusCode() / 100 == 2) {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("status " + outcome.statusCode()));
        }
    }

    /** In a span that continues the trace of the request that caused the event, passed on to the receiver. */
    private WebhookDeliveries.Outcome send(WebhookDeliveries.Claimed delivery) {
        try (TraceContext.Traced traced = trace.continueTrace("webhook " + delivery.endpoint(), SpanKind.CLIENT,
                delivery.traceparent())) {
            WebhookDeliveries.Outcome outcome = send(delivery, traced.traceparent());
            if (outcome.statusCode() / 100 != 2) {
                traced.failed(outcome.error() != null ? outcome.error() : "status " + outcome.statusCode());
            }
            return outcome;
        }
    }

    private WebhookDeliveries.Outcome send(WebhookDeliveries.Claimed delivery, Optional<String> traceparent) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        WebhookDeliveries.Outcome outcome;
        try {
            Optional<String> refused = refusal(URI.create(delivery.url()));
            if (refused.isPresent()) {
                outcome = new WebhookDeliveries.Outcome(0, Duration.ZERO, null, refused.get());
            } else {
                long timestamp = clock.instant().getEpochSecond();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(settings.readTimeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "CancelPortal-Webhooks/1")
                        .header("webhook-id", delivery.id())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.header(delivery.secrets(), delivery.id(),
                                timestamp, delivery.body()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
                traceparent.ifPresent(value -> request.header("traceparent", value));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                outcome = new WebhookDeliveries.Outcome(response.statusCode(), since(startedNanos),
                        response.body(), response.statusCode() / 100 == 3 ? "A redirect is never followed" : null);
            }
        } catch (IOException | IllegalArgumentException e) {
            outcome = new WebhookDeliveries.Outcome(0, since(startedNanos), null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new WebhookDeliveries.Outcome(0, since(startedNanos), null, "Interrupted");
        }
        if (outcome.statusCode() / 100 != 2) {
            WebhookDeliveries.Outcome failed = outcome;
            LOG.info(() -> "Webhook " + delivery.id() + " attempt " + delivery.attempt() + " to " + delivery.url()
                    + " failed: " + (failed.error() != null ? failed.error() : "status " + failed.statusCode()));
        }
        deliveries.record(delivery, started, outcome);
        return outcome;
    }

    /** The address check again, now: a name may resolve elsewhere than when the endpoint was registered. */
    private Optional<String> refusal(URI target) throws IOException {
        WebhookTargets targets = new WebhookTargets(settings.allowLoopback());
        for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
            Optional<String> refused = targets.refusal(address);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
