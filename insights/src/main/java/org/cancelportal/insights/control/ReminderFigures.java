package org.cancelportal.insights.control;

import java.util.Map;

/**
 * The reminders and notices sent in a period, per kind, and the cancellations made within 7 days after one. Honest
 * figures: a reminder counts once it was handed to the mail server (not when it was written), and a cancellation
 * counts once however many reminders came before it, only if it came after a reminder that was sent, and only if it
 * was not undone.
 *
 * @param sentByKind              reminders and notices sent in the period, by kind (NoticeKind's names)
 * @param cancellationsWithinWeek cancellations within 7 days after a reminder sent in the period
 */
public record ReminderFigures(Map<String, Long> sentByKind, long cancellationsWithinWeek) {

    public long sent() {
        return sentByKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
