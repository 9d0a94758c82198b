package org.cancelportal.reminder.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.cancelportal.subscription.entity.BillingPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanPriceRulesTest {

    @ParameterizedTest(name = "period ends {0}, {1}, price from {2}: first charge at it {3}")
    @CsvSource({
            // the default: the new price takes effect now, so it reaches each subscription at its next charge
            "2027-01-20T00:00:00Z, MONTHLY, 2027-01-10T12:00:00Z, 2027-01-20T00:00:00Z",
            // a charge exactly at the effective time is the first at the new price
            "2027-01-20T00:00:00Z, MONTHLY, 2027-01-20T00:00:00Z, 2027-01-20T00:00:00Z",
            // one second later, and the next month's charge is the first
            "2027-01-20T00:00:00Z, MONTHLY, 2027-01-20T00:00:01Z, 2027-02-20T00:00:00Z",
            "2027-01-20T00:00:00Z, MONTHLY, 2027-04-01T00:00:00Z, 2027-04-20T00:00:00Z",
            // months are counted from the period's end: 31 January, then 28 February, then 31 March
            "2027-01-31T00:00:00Z, MONTHLY, 2027-02-01T00:00:00Z, 2027-02-28T00:00:00Z",
            "2027-01-31T00:00:00Z, MONTHLY, 2027-03-01T00:00:00Z, 2027-03-31T00:00:00Z",
            // a yearly plan keeps the old price until its renewal after the effective time
            "2027-06-15T00:00:00Z, YEARLY, 2027-09-01T00:00:00Z, 2028-06-15T00:00:00Z",
            // a trial converting (its period ends with the trial) is charged the new price when it converts
            "2027-01-14T00:00:00Z, MONTHLY, 2027-01-10T00:00:00Z, 2027-01-14T00:00:00Z"})
    void aNewPriceReachesASubscriptionAtItsFirstChargeOnOrAfterTheEffectiveTime(String periodEnd,
                                                                               BillingPeriod period,
                                                                               String effective, String first) {
        assertEquals(Optional.of(Instant.parse(first)), PlanPriceRules.firstChargeOnOrAfter(Instant.parse(periodEnd),
                period, Instant.parse(effective)));
    }
}
