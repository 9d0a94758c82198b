package org.cancelportal.reminder.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.cancelportal.subscription.entity.BillingPeriod;

/**
 * When a plan's new price reaches a subscription: at its first charge on or after the time the price takes effect.
 * The charges are the end of the stored period and every billing period after it (months and years counted in UTC
 * from that end, as the database counts them in {@link PlanPriceNotices}). A subscription whose next charge is before
 * the effective time pays the old price until then; the charge that begins the first period on or after it is the
 * first at the new price, and a refund of that period is worked out from the new price.
 */
public final class PlanPriceRules {

    private PlanPriceRules() {
    }

    /** Empty when no charge within {@link PlanPriceNotices#CHARGES_AHEAD} periods reaches it. */
    public static Optional<Instant> firstChargeOnOrAfter(Instant periodEnd, BillingPeriod period, Instant effective) {
        ZonedDateTime end = periodEnd.atZone(ZoneOffset.UTC);
        for (int k = 0; k <= PlanPriceNotices.CHARGES_AHEAD; k++) {
            Instant charge = (period == BillingPeriod.YEARLY ? end.plusYears(k) : end.plusMonths(k)).toInstant();
            if (!charge.isBefore(effective)) {
                return Optional.of(charge);
            }
        }
        return Optional.empty();
    }
}
