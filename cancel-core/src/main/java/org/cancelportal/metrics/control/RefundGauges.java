package org.cancelportal.metrics.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Refunds promised and not yet confirmed by the operator: still in time, and overdue. Read from the database, so every
 * node shows the same figures; registered by the one application that looks after refunds.
 */
@ApplicationScoped
public class RefundGauges {

    static final Metadata DUE = Metadata.builder().withName("refunds.due")
            .withDescription("Refunds promised whose operator still has time to confirm them").build();
    static final Metadata OVERDUE = Metadata.builder().withName("refunds.overdue")
            .withDescription("Refunds the operator did not confirm in time").build();

    /** The partial indexes refund_due_by_idx and refund_attention_idx cover both states. */
    static final String FIGURES = "SELECT count(*) FILTER (WHERE status = 'DUE'),"
            + " count(*) FILTER (WHERE status = 'OVERDUE') FROM refund WHERE status IN ('DUE', 'OVERDUE')";

    record Figures(long due, long overdue) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricRegistry registry;

    @Resource
    ContextService context;

    private final CachedReading<Figures> figures = new CachedReading<>(this::read);

    /** Call once, from the start-up of the application that checks refunds for being overdue. */
    public void register() {
        // the scrape runs on the metrics endpoint's thread: the reading needs this application's context
        Supplier<Figures> reading = context.contextualSupplier(figures::get);
        registry.gauge(DUE, () -> reading.get().due());
        registry.gauge(OVERDUE, () -> reading.get().overdue());
    }

    private Figures read() {
        Object[] row = (Object[]) em.createNativeQuery(FIGURES).getSingleResult();
        return new Figures(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
