package org.cancelportal.metrics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.schema.control.SchemaReady;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How far each outbox consumer of this application is behind, and how many of its deliveries gave up. Read from the
 * database, so every node shows the same figures: a scraper takes the maximum across nodes, not the sum.
 */
@ApplicationScoped
public class OutboxGauges {

    static final Metadata LAG = Metadata.builder().withName("outbox.lag")
            .withDescription("How long the consumer's oldest due delivery has waited past its time (0: none waits)")
            .withUnit(MetricUnits.SECONDS).build();
    static final Metadata DEAD = Metadata.builder().withName("outbox.dead.deliveries")
            .withDescription("Deliveries the consumer gave up on, waiting for an admin to retry them").build();

    /** Both partial indexes of outbox_delivery (pending by consumer and due time, dead by consumer) serve this. */
    static final String FIGURES = """
            SELECT consumer,
                   COALESCE(EXTRACT(EPOCH FROM ?1 - min(next_attempt_at)
                            FILTER (WHERE status = 'PENDING' AND next_attempt_at <= ?1)), 0),
                   count(*) FILTER (WHERE status = 'DEAD')
            FROM outbox_delivery WHERE status IN ('PENDING', 'DEAD') GROUP BY consumer""";

    record Figures(double lagSeconds, long dead) {
        static final Figures NONE = new Figures(0, 0);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Inject
    Instance<OutboxConsumer> consumers;

    @Inject
    Clock clock;

    @Resource
    ContextService context;

    private final CachedReading<Map<String, Figures>> figures = new CachedReading<>(this::read);

    void register(@Observes SchemaReady ready) {
        // the scrape runs on the metrics endpoint's thread: the reading needs this application's context
        Supplier<Map<String, Figures>> reading = context.contextualSupplier(figures::get);
        for (OutboxConsumer consumer : consumers) {
            Tag tag = new Tag("consumer", consumer.name());
            registry.gauge(LAG, () -> of(reading, consumer).lagSeconds(), tag);
            registry.gauge(DEAD, () -> of(reading, consumer).dead(), tag);
        }
    }

    private static Figures of(Supplier<Map<String, Figures>> reading, OutboxConsumer consumer) {
        return reading.get().getOrDefault(consumer.name(), Figures.NONE);
    }

    private Map<String, Figures> read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(FIGURES)
                .setParameter(1, Timestamp.from(clock.instant()))
                .getResultList();
        Map<String, Figures> byConsumer = new HashMap<>();
        for (Object[] row : rows) {
            byConsumer.put((String) row[0], new Figures(((Number) row[1]).doubleValue(), ((Number) row[2]).longValue()));
        }
        return byConsumer;
    }
}
