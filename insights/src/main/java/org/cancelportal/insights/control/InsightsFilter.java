package org.cancelportal.insights.control;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Which cancellations and answers a product person looks at: a period of whole days (UTC, both ends included) and
 * optional facets; null means all. The reason comes from the survey, so it narrows answers only: anonymous answers
 * are not linked to their cancellation, and cancellation figures cannot be split by reason without linking them. The
 * plan is a plan code, as the daily tables keep it: a code that several operators gave their own plans selects all of
 * them together.
 */
public record InsightsFilter(LocalDate from, LocalDate to, String plan, String tenureBand, String channel,
                             String language, String reason) implements Serializable {

    public static final int DEFAULT_DAYS = 90;

    public InsightsFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period starts after it ends: " + from + " > " + to);
        }
        plan = blankToNull(plan);
        tenureBand = blankToNull(tenureBand);
        channel = blankToNull(channel);
        language = blankToNull(language);
        reason = blankToNull(reason);
    }

    /** The last {@value #DEFAULT_DAYS} days up to and including today, nothing else narrowed. */
    public static InsightsFilter lastDays(LocalDate today, int days) {
        return new InsightsFilter(today.minusDays(days - 1L), today, null, null, null, null, null);
    }

    public InsightsFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new InsightsFilter(newFrom, newTo, plan, tenureBand, channel, language, reason);
    }

    /** Conditions on a daily figures table, whose rows carry the facets as columns. */
    Conditions onDays(boolean withReason) {
        Conditions where = new Conditions()
                .add("day >= ?", java.sql.Date.valueOf(from))
                .add("day <= ?", java.sql.Date.valueOf(to));
        return tableFacets(where, withReason);
    }

    /** Conditions on insights_response_week for the whole weeks of the period. */
    Conditions onWholeWeeks(PeriodWeeks weeks) {
        Conditions where = new Conditions()
                .add("week >= ?", java.sql.Date.valueOf(weeks.wholeFrom()))
                .add("week < ?", java.sql.Date.valueOf(weeks.wholeUntil()));
        return tableFacets(where, true);
    }

    /** Conditions on insights_response_day for the days of the period outside its whole weeks. */
    Conditions onDaysLeftOver(PeriodWeeks weeks) {
        Conditions where = new Conditions().add("(day >= ? AND day < ? OR day >= ? AND day < ?)",
                java.sql.Date.valueOf(weeks.from()), java.sql.Date.valueOf(weeks.wholeFrom()),
                java.sql.Date.valueOf(weeks.wholeUntil()), java.sql.Date.valueOf(weeks.until()));
        return tableFacets(where, true);
    }

    private Conditions tableFacets(Conditions where, boolean withReason) {
        facets(where, "language = ?");
        if (withReason) {
            where.addIf(reason, "reason_code = ?");
        }
        return where;
    }

    /** Conditions on survey_response itself. */
    Conditions onResponses() {
        Conditions where = new Conditions()
                .add("submitted_at >= ?", java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .add("submitted_at < ?", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        facets(where, "split_part(locale, '-', 1) = ?");
        return where.addIf(reason, "reason_code = ?");
    }

    /**
     * Conditions on a cancellation row itself, joined as {@code c} (cancellation), {@code s} (subscription), {@code p}
     * (plan) and {@code who} (subscriber): the same facets the daily table records for it, worked out the same way
     * (R__insights_counting.sql). The reason is left out, as for every cancellation figure.
     */
    Conditions onCancellations() {
        return onRecords("c", "requested_at");
    }

    /**
     * The same facets on a withdrawal, joined as {@code w} (withdrawal), {@code s}, {@code p} and {@code who}: in the
     * period by when it reached us. Withdrawals are counted beside the cancellations, never among them.
     */
    Conditions onWithdrawals() {
        return onRecords("w", "received_at");
    }

    /** The period by the record's own time, and the facets, on a cancellation or withdrawal row named {@code alias}. */
    private Conditions onRecords(String alias, String timeColumn) {
        String time = alias + "." + timeColumn;
        Conditions where = new Conditions()
                .add(time + " >= ?", java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .add(time + " < ?", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return where.addIf(plan, "p.code = ?")
                .addIf(tenureBand, "tenure_band(s.started_at, " + time + ") = ?")
                .addIf(channel, alias + ".channel = ?")
                .addIf(language, "split_part(who.locale, '-', 1) = ?");
    }

    private void facets(Conditions where, String languageClause) {
        where.addIf(plan, "plan_code = ?")
                .addIf(tenureBand, "tenure_band = ?")
                .addIf(channel, "channel = ?")
                .addIf(language, languageClause);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
