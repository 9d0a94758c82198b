package org.cancelportal.survey.control;

import java.time.Duration;
import java.time.Instant;

/** How long someone stayed, in bands coarse enough that an anonymous answer stays anonymous. */
public final class TenureBand {

    private TenureBand() {
    }

    public static String of(Instant startedAt, Instant cancelledAt) {
        long days = Duration.between(startedAt, cancelledAt).toDays();
        if (days < 31) {
            return "under_1_month";
        } else if (days < 183) {
            return "1_to_6_months";
        } else if (days < 366) {
            return "6_to_12_months";
        } else if (days < 731) {
            return "1_to_2_years";
        }
        return "over_2_years";
    }
}
