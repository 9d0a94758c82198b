package org.cancelportal.schedule.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cancelportal.privacy.control.LogRedaction;

/**
 * The background work of an application (relays, ending subscriptions, invitations, retention), on a few threads of its
 * own (jobs.max-concurrent). Liberty's managed executors, even with a concurrency policy, run their tasks on the pool
 * that serves requests, and jobs waiting on a stalled database or a locked row left no thread for a page; threads from
 * the managed thread factory carry the application's context without taking from that pool. A failed run is logged
 * and the next run tries again; everything stops with the application.
 */
@ApplicationScoped
public class RepeatingJobs {

    private static final Logger LOG = Logger.getLogger(RepeatingJobs.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    JobSettings settings;

    private ScheduledExecutorService scheduler;

    @PostConstruct
    void startThreads() {
        scheduler = Executors.newScheduledThreadPool(settings.maxConcurrent(), threads);
    }

    /** Runs the job after the first delay, then again each interval after the previous run ended. */
    public void every(Duration interval, Duration firstDelay, String name, Runnable job) {
        scheduler.scheduleWithFixedDelay(() -> runQuietly(name, job), firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void runQuietly(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed; trying again at the next run", LogRedaction.throwable(e));
        }
    }

    /** No run starts after this; one under way finishes its batch rather than being interrupted mid-statement. */
    @PreDestroy
    void stopAll() {
        scheduler.shutdown();
    }
}
