package org.cancelportal.it.support;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;

/**
 * Test deployment only: for subscriptions on a plan whose code starts with "crash-", the receipt email consumer
 * "crashes" once right after handing the email to the mail server, before anything is committed, as a node dying
 * at the worst moment would.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class CrashOnceAfterSending implements OutboxConsumer {

    private static final Set<UUID> CRASHED = ConcurrentHashMap.newKeySet();

    @Inject
    @Delegate
    @Any
    OutboxConsumer delegate;

    @Override
    public void handle(OutboxEvent event) throws Exception {
        delegate.handle(event);
        if ("receipt-email".equals(delegate.name()) && event.getPayload().contains("\"planCode\":\"crash-")
                && CRASHED.add(event.getId())) {
            throw new IllegalStateException("Simulated crash after the email reached the mail server");
        }
    }
}
