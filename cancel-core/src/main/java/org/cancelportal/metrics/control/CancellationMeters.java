package org.cancelportal.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.cancelportal.cancellation.entity.Channel;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Cancellations by channel and mode, undos by channel, and how long a cancel request takes. Counted on the node that
 * did the work, once its transaction committed: a scraper adds the nodes up.
 */
@ApplicationScoped
public class CancellationMeters {

    static final Metadata CANCELLATIONS = Metadata.builder().withName("cancellations")
            .withDescription("Cancellations made, by channel and mode (not replays of an earlier request)").build();
    static final Metadata UNDOS = Metadata.builder().withName("cancellation.undos")
            .withDescription("Cancellations undone before they took effect, by channel").build();
    static final Metadata LATENCY = Metadata.builder().withName("cancellation.latency")
            .withDescription("How long a cancel request takes in the service, replays and refusals included")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    @Inject
    AfterCommit afterCommit;

    public void cancelled(Channel channel, CancellationMode mode) {
        afterCommit.run(() -> registry.counter(CANCELLATIONS, tag(channel), new Tag("mode", mode.name())).inc());
    }

    public void undone(Channel channel) {
        afterCommit.run(() -> registry.counter(UNDOS, tag(channel)).inc());
    }

    public void took(Channel channel, Duration time) {
        registry.timer(LATENCY, tag(channel)).update(time);
    }

    private static Tag tag(Channel channel) {
        return new Tag("channel", channel.name());
    }
}
