package org.cancelportal.reminder.control;

/**
 * The outbox events of reminders and notices: one asks for a notice to be sent (its payload names the notice by id);
 * the other tells the operator that a notice could not be sent within its legal window (webhook notice.late).
 */
public final class ReminderEvents {

    public static final String AGGREGATE = "Subscription";
    public static final String NOTICE_DUE = "ReminderNoticeDue";
    /** Payload: subscriptionId, noticeId, kind, date (UTC), and for a price change oldAmount, newAmount, currency. */
    public static final String NOTICE_LATE = "ReminderNoticeLate";

    private ReminderEvents() {
    }
}
