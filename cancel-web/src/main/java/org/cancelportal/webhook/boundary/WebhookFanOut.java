package org.cancelportal.webhook.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.cancelportal.brokenpromise.control.RenewalsAfterCancellation;
import org.cancelportal.cancellation.control.CancellationEvents;
import org.cancelportal.outbox.control.OutboxConsumer;
import org.cancelportal.outbox.entity.OutboxEvent;
import org.cancelportal.publiccancel.control.DeclarationEvents;
import org.cancelportal.refund.control.RefundEvents;
import org.cancelportal.reminder.control.ReminderEvents;
import org.cancelportal.survey.control.SurveyAnnouncements;
import org.cancelportal.webhook.control.WebhookDeliveries;

/**
 * Hands each cancellation, undo and end, each refund due or overdue, each renewal held back, each public-form
 * declaration left to support, each survey answer once it is final, each withdrawal and each notice sent late, to the operators' webhook endpoints, as
 * deliveries of their own: one slow or dead endpoint then holds up neither the outbox nor the other endpoints.
 */
@ApplicationScoped
public class WebhookFanOut implements OutboxConsumer {

    @Inject
    WebhookDeliveries deliveries;

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(CancellationEvents.CANCELLED, CancellationEvents.UNDONE, CancellationEvents.ENDED,
                RefundEvents.DUE, RefundEvents.OVERDUE, RenewalsAfterCancellation.EVENT, DeclarationEvents.WAITING,
                SurveyAnnouncements.ANNOUNCED, org.cancelportal.withdrawal.control.WithdrawalEvents.WITHDRAWN,
                ReminderEvents.NOTICE_LATE);
    }

    @Override
    public void handle(OutboxEvent event) {
        deliveries.fanOut(event);
    }
}
