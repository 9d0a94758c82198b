package org.cancelportal.withdrawal.control;

import java.time.Duration;

/** Too many declarations from this client address lately; it waits this long, as on the public cancel page. */
public class PublicWithdrawalThrottledException extends RuntimeException {

    private final Duration wait;

    public PublicWithdrawalThrottledException(Duration wait) {
        super("Throttled for " + wait);
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }
}
