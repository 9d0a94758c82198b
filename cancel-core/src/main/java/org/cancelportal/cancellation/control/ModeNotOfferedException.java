package org.cancelportal.cancellation.control;

import org.cancelportal.cancellation.entity.CancellationMode;

public class ModeNotOfferedException extends RuntimeException {

    public ModeNotOfferedException(CancellationMode mode) {
        super("The policy does not offer " + mode);
    }
}
