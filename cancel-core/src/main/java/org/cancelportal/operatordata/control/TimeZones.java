package org.cancelportal.operatordata.control;

import java.time.ZoneId;
import java.util.Optional;

/** The one check of a time zone an operator sends, through the API or in a file, and the words for a bad one. */
public final class TimeZones {

    private TimeZones() {
    }

    /** What is wrong with the zone, if anything. */
    public static Optional<FieldProblem> problem(String field, String id) {
        if (id == null || ZoneId.getAvailableZoneIds().contains(id.strip()) || "UTC".equals(id.strip())) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(field, "There is no time zone '" + id + "'. Use one such as"
                + " 'Europe/Berlin' or 'UTC'."));
    }
}
