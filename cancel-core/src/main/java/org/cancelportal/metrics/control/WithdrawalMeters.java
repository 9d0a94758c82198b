package org.cancelportal.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cancelportal.cancellation.entity.Channel;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Withdrawals by channel, apart from cancellations; counted once the transaction committed. */
@ApplicationScoped
public class WithdrawalMeters {

    static final Metadata WITHDRAWALS = Metadata.builder().withName("withdrawals")
            .withDescription("Withdrawals made within the withdrawal period, by channel (not replays)").build();

    @Inject
    MetricRegistry registry;

    @Inject
    AfterCommit afterCommit;

    public void withdrawn(Channel channel) {
        afterCommit.run(() -> registry.counter(WITHDRAWALS, new Tag("channel", channel.name())).inc());
    }
}
