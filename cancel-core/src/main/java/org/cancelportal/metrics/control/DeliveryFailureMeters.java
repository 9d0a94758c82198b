package org.cancelportal.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Emails that could not be sent and webhook attempts an endpoint did not accept, each attempt once. */
@ApplicationScoped
public class DeliveryFailureMeters {

    static final Metadata EMAIL_FAILURES = Metadata.builder().withName("email.failures")
            .withDescription("Attempts to send an email that failed, by kind of email (the outbox tries again)").build();
    static final Metadata WEBHOOK_FAILURES = Metadata.builder().withName("webhook.failures")
            .withDescription("Webhook attempts not answered with 2xx, by outcome: retried later, or dead").build();

    @Inject
    MetricRegistry registry;

    public void emailFailed(String kind) {
        registry.counter(EMAIL_FAILURES, new Tag("kind", kind)).inc();
    }

    public void webhookFailed(boolean dead) {
        registry.counter(WEBHOOK_FAILURES, new Tag("outcome", dead ? "dead" : "retried")).inc();
    }
}
