package org.cancelportal.reminder.control;

/** The outbox event that asks for a reminder or notice to be sent; its payload names the notice by id. */
public final class ReminderEvents {

    public static final String AGGREGATE = "Subscription";
    public static final String NOTICE_DUE = "ReminderNoticeDue";

    private ReminderEvents() {
    }
}
