package org.cancelportal.insights.control;

import java.util.List;

/**
 * Cancellations declared in the period and what became of them. The journey is the time from opening the page
 * to the confirmed cancellation, known only for cancellations made on the web.
 */
public record CancellationTotals(long cancelled, long undone, long invited, long responded, List<Share> journey) {

    public double undoRate() {
        return cancelled == 0 ? 0 : (double) undone / cancelled;
    }

    /** Invitations answered, of invitations sent for the period's cancellations. */
    public double responseRate() {
        return invited == 0 ? 0 : (double) responded / invited;
    }

    public long timedJourneys() {
        return journey.stream().mapToLong(Share::count).sum();
    }

    /** The bucket that holds the middle journey, or null when none was timed. */
    public String medianJourney() {
        long seen = 0;
        for (Share bucket : journey) {
            seen += bucket.count();
            if (seen * 2 >= timedJourneys() && seen > 0) {
                return bucket.key();
            }
        }
        return null;
    }
}
