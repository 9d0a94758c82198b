package org.cancelportal.operatordata.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A plan as the operator sends it. withdrawalDays: null for the portal's default period, 0 for no right of
 * withdrawal. priceEffectiveAt: when a new price takes effect (each subscription's first charge then or later is at
 * the new price); null for now, that is each subscription's next charge.
 */
public record PlanDetails(String name, BigDecimal price, String currency, String billingPeriod, Integer withdrawalDays,
                          Instant priceEffectiveAt) {
}
