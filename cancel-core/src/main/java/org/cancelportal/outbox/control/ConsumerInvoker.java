package org.cancelportal.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.cancelportal.outbox.entity.OutboxEvent;

/** Runs a consumer in a transaction of its own, so its failure never undoes the record of the attempt. */
@ApplicationScoped
public class ConsumerInvoker {

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public void invoke(OutboxConsumer consumer, OutboxEvent event) throws Exception {
        consumer.handle(event);
    }
}
