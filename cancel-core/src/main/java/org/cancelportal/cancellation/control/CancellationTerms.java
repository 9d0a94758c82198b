package org.cancelportal.cancellation.control;

import java.time.Instant;
import org.cancelportal.cancellation.entity.CancellationMode;
import org.cancelportal.subscription.entity.Money;

/** What cancelling in one mode means for one subscription, right now: the facts the page states. */
public record CancellationTerms(CancellationMode mode, Instant accessUntil, Money refund, DataHandling dataHandling) {
}
