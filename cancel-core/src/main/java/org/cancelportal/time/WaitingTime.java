package org.cancelportal.time;

import java.time.Duration;

/** How long someone must wait, as a page tells them. */
public final class WaitingTime {

    private WaitingTime() {
    }

    /** Whole minutes, rounded up, at least one: "try again in 1 minute" rather than "in 0 minutes". */
    public static long wholeMinutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
