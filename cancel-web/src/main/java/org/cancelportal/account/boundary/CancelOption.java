package org.cancelportal.account.boundary;

import java.io.Serializable;
import org.cancelportal.cancellation.entity.CancellationMode;

/** One button in a subscription's cancel box, with the facts it commits to, already worded for the page. */
public record CancelOption(CancellationMode mode, String buttonLabel, String accessUntil, String refund,
                           boolean refundDue) implements Serializable {
}
