package org.cancelportal.account.boundary;

import java.io.Serializable;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.entity.Money;

/** One button in a subscription's cancel box, with the facts it commits to, already worded for the page. */
public record CancelOption(CancellationMode mode, String buttonLabel, String accessUntil, Money refundAmount,
                           String refund, boolean refundDue) implements Serializable {
}
