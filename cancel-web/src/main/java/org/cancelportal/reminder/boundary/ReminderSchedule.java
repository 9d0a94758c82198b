package org.cancelportal.reminder.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.cancelportal.reminder.control.DueReminders;
import org.cancelportal.reminder.control.ReminderLinks;
import org.cancelportal.reminder.control.ReminderSettings;
import org.cancelportal.schedule.control.RepeatingJobs;
import org.cancelportal.schema.control.SchemaReady;

/**
 * Every few minutes (reminders.interval), on every node: writes the reminders that are due, hands held price-change
 * notices to the outbox once their window opens, and forgets expired links.
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    @Inject
    RepeatingJobs jobs;

    @Inject
    DueReminders due;

    @Inject
    ReminderLinks links;

    @Inject
    ReminderSettings settings;

    void start(@Observes SchemaReady ready) {
        settings.rules(); // windows that are written wrongly or share no day stop the start, not the first run
        // the first run waits an interval too: a server that restarts often does not look more often
        jobs.every(settings.interval(), settings.interval(), "Writing due reminders and notices", this::writeDue);
    }

    /** @return how many reminders and notices were handed to the outbox */
    public int writeDue() {
        int written = all(due::beforeCharge) + all(due::afterRenewal);
        int published;
        do {
            published = due.publishHeld();
            written += published;
        } while (published > 0);
        links.purge();
        int total = written;
        if (total > 0) {
            LOG.info(() -> total + " reminders and notices handed to the outbox");
        }
        return total;
    }

    private static int all(UnaryOperator<DueReminders.Cursor> batch) {
        int written = 0;
        DueReminders.Cursor cursor = DueReminders.Cursor.start();
        while (cursor.more()) {
            cursor = batch.apply(cursor);
            written += cursor.written();
        }
        return written;
    }
}
