package org.cancelportal.reminder.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cancelportal.reminder.control.Notices;
import org.cancelportal.subscription.entity.Subscriber;
import org.cancelportal.supportdesk.control.SupportDesk;
import org.cancelportal.web.PageMessages;

/**
 * The reminders and notices a subscriber was sent, for the support desk: what each was about, for which date (as the
 * subscriber's calendar has it), when it was written and whether it went out. Times in UTC, as in the history.
 */
@Named("supportNotices")
@RequestScoped
public class SupportNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Notices notices;

    @Inject
    SupportDesk desk;

    @Inject
    ReminderEmail email;

    @Inject
    PageMessages messages;

    @Inject
    Clock clock;

    /** One row of the table, in the page's words. */
    public record Line(String kind, String date, String written, String state, boolean late) {
    }

    private Long shownFor;
    private List<Line> shown;

    @RolesAllowed("support")
    public List<Line> of(Long subscriberId) {
        if (subscriberId == null) {
            return List.of();
        }
        if (!subscriberId.equals(shownFor)) {
            shown = read(subscriberId);
            shownFor = subscriberId;
        }
        return shown;
    }

    private List<Line> read(long subscriberId) {
        ZoneId zone = desk.subscriber(subscriberId).map(Subscriber::getTimeZone).orElse(ZoneOffset.UTC);
        return notices.ofSubscriber(subscriberId, email.name()).stream().map(sent -> new Line(
                messages.text("reminder.kind." + sent.kind()), DAY.format(sent.date().atZone(zone)),
                MINUTE.format(sent.writtenAt()), state(sent), sent.late())).toList();
    }

    private String state(Notices.Sent sent) {
        if (sent.sentAt() != null) {
            return messages.text("reminder.state.sent", at(sent.sentAt()));
        }
        if (sent.skippedAt() != null) {
            return messages.text("reminder.state.skipped");
        }
        if (sent.failed()) {
            return messages.text("reminder.state.failed");
        }
        return sent.dueAt().isAfter(clock.instant()) ? messages.text("reminder.state.held", at(sent.dueAt()))
                : messages.text("reminder.state.waiting");
    }

    private static String at(Instant instant) {
        return MINUTE.format(instant);
    }
}
