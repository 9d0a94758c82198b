package org.cancelportal.refund.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.cancelportal.metrics.control.RefundGauges;
import org.cancelportal.refund.control.RefundSettings;
import org.cancelportal.refund.control.Refunds;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Looks for refunds the operator has not confirmed in time, so that the receipt stops sounding sure of them; and, as
 * the one application that looks after refunds, reports how many are due and overdue.
 */
@ApplicationScoped
public class OverdueRefundSchedule {

    private static final Logger LOG = Logger.getLogger(OverdueRefundSchedule.class.getName());

    @Inject
    RepeatingJobs jobs;

    @Inject
    Refunds refunds;

    @Inject
    RefundSettings settings;

    @Inject
    RefundGauges gauges;

    void start(@Observes SchemaReady ready) {
        gauges.register();
        jobs.every(settings.checkInterval(), Duration.ofSeconds(5), "Marking overdue refunds", this::markOverdue);
    }

    void markOverdue() {
        int marked;
        do {
            marked = refunds.markOverdue();
            int batch = marked;
            if (batch > 0) {
                LOG.warning(() -> batch + " refunds were not confirmed in time and are now overdue");
            }
        } while (marked > 0);
    }
}
