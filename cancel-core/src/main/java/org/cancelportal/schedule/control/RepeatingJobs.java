package org.cancelportal.schedule.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.privacy.control.LogRedaction;

/**
 * The background work of an application (relays, ending subscriptions, invitations, retention), run on the portal's
 * own bounded scheduler (portal.xml, jobs.max-concurrent), so however long jobs wait on the database, requests keep
 * their threads. A failed run is logged and the next run tries again; everything stops with the application.
 */
@ApplicationScoped
public class RepeatingJobs {

    private static final Logger LOG = Logger.getLogger(RepeatingJobs.class.getName());

    @Resource(lookup = "concurrent/portalJobs")
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> running = new CopyOnWriteArrayList<>();

    /** Runs the job after the first delay, then again each interval after the previous run ended. */
    public void every(Duration interval, Duration firstDelay, String name, Runnable job) {
        running.add(scheduler.scheduleWithFixedDelay(() -> runQuietly(name, job), firstDelay.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void runQuietly(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed; trying again at the next run", LogRedaction.throwable(e));
        }
    }

    @PreDestroy
    void stopAll() {
        running.forEach(task -> task.cancel(false));
    }
}
