package org.cancelportal.operatordata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports an operator's subscribers and subscriptions from a CSV file, one row each: the subscriber's columns, and
 * optionally a subscription of theirs. Every row is checked as the API checks a request (Bean Validation, then the
 * rules that need the database); a report lists each rejected row with its reasons. All or nothing: one rejected row,
 * and no row is imported. A file whose first line names plan_code is a plans file instead (see {@link #PLAN_COLUMNS}):
 * one of the operator's own plans a row, as the API puts them.
 */
@ApplicationScoped
public class CsvImport {

    public static final List<String> COLUMNS = List.of("subscriber_id", "email", "name", "locale", "time_zone",
            "subscription_id", "plan", "started_at", "current_period_start", "current_period_end", "trial_ends_at",
            "country", "service_start_requested");
    private static final Set<String> REQUIRED = Set.of("subscriber_id", "email", "name");
    /** A file whose first line names plan_code is a plans file: one of the operator's own plans a row. */
    public static final List<String> PLAN_COLUMNS = List.of("plan_code", "name", "price", "currency",
            "billing_period", "withdrawal_days", "price_effective_at");
    private static final Set<String> PLAN_REQUIRED = Set.of("plan_code", "name", "price", "currency",
            "billing_period");
    public static final int MAX_ROWS = 10_000;

    @Inject
    OperatorUpserts upserts;

    @Inject
    Validator validator;

    @Inject
    OperatorPlans plans;

    /**
     * Checks every row and, if all are fine and {@code apply} is set, imports them in one transaction.
     *
     * @throws ImportNotAppliedException with the report, when a row was rejected or this was a check only
     * @throws InvalidFieldsException    when the file itself cannot be read as the CSV described (named "file")
     */
    @Transactional
    public ImportReport run(ChangeSource source, Reader csv, boolean apply) {
        Counts counts = new Counts();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        int rows = 0;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
            boolean planFile = parser.getHeaderNames().contains("plan_code");
            counts.planFile = planFile;
            checkHeader(parser.getHeaderNames(), planFile ? PLAN_COLUMNS : COLUMNS,
                    planFile ? PLAN_REQUIRED : REQUIRED);
            for (CSVRecord record : parser) {
                if (++rows > MAX_ROWS) {
                    throw new InvalidFieldsException("file", "A file has at most " + MAX_ROWS + " rows; split it.");
                }
                List<FieldProblem> problems = planFile ? importPlan(source, record, counts)
                        : importRow(source, record, counts);
                if (!problems.isEmpty()) {
                    rejected.add(new ImportReport.RejectedRow(record.getRecordNumber(), problems));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFieldsException("file", "The file could not be read as CSV: " + e.getMessage());
        }
        ImportReport report = new ImportReport(rows, rejected, counts.subscribersCreated, counts.subscribersUpdated,
                counts.subscriptionsCreated, counts.subscriptionsUpdated, counts.renewalsHeldBack,
                counts.planFile ? new ImportReport.Plans(counts.plansCreated, counts.plansUpdated,
                        counts.priceNotices, counts.lateNotices) : null);
        if (!apply || !report.accepted()) {
            throw new ImportNotAppliedException(report);
        }
        return report;
    }

    private static void checkHeader(List<String> header, List<String> columns, Set<String> required) {
        List<String> unknown = header.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !columns.contains(name)).toList();
        List<String> missing = required.stream().filter(name -> !header.contains(name)).sorted().toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidFieldsException("file", "The first line must name the columns: "
                    + String.join(",", columns) + (missing.isEmpty() ? "" : ". Missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : ". Not known: " + String.join(", ", unknown)) + ".");
        }
    }

    private List<FieldProblem> importRow(ChangeSource source, CSVRecord record, Counts counts) {
        List<FieldProblem> problems = new ArrayList<>();
        String subscriberId = value(record, "subscriber_id");
        if (!ExternalIds.valid(subscriberId)) {
            problems.add(new FieldProblem("subscriber_id", "An id has 1 to 100 characters: letters, digits and"
                    + " . _ : @ -"));
        }
        String zone = value(record, "time_zone") == null ? "UTC" : value(record, "time_zone");
        TimeZones.problem("time_zone", zone).ifPresent(problems::add);
        SubscriberDetails subscriber = new SubscriberDetails(value(record, "email"), value(record, "name"),
                value(record, "locale"), zone, value(record, "country"));
        Countries.problem("country", subscriber.country()).ifPresent(problems::add);
        problems.addAll(violations(subscriber));
        String subscriptionId = value(record, "subscription_id");
        SubscriptionDetails subscription = null;
        if (subscriptionId != null) {
            subscription = new SubscriptionDetails(subscriberId, value(record, "plan"),
                    instant(record, "started_at", problems), instant(record, "current_period_start", problems),
                    instant(record, "current_period_end", problems), instant(record, "trial_ends_at", problems));
            violations(subscription).stream().map(problem -> problem.renamed("subscriber", "subscriber_id"))
                    .forEach(problems::add);
        }
        Boolean startRequested = bool(record, "service_start_requested", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            counts.subscriber(upserts.subscriber(source, subscriberId, subscriber).created());
            if (subscription != null) {
                counts.subscription(upserts.subscription(source, subscriptionId, subscription));
                if (startRequested != null) {
                    upserts.serviceStartRequested(source, subscriptionId, startRequested);
                }
            }
            return List.of();
        } catch (InvalidFieldsException e) {
            return e.problems().stream().map(problem -> problem.renamed("subscriber", "subscriber_id")
                    .renamed("externalId", "subscription_id")).toList();
        } catch (ConflictException e) {
            return List.of(new FieldProblem(e.field(), e.getMessage()));
        }
    }

    /** One of the operator's own plans, checked and put as PUT /api/v1/plans/{code} puts it. */
    private List<FieldProblem> importPlan(ChangeSource source, CSVRecord record, Counts counts) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal price = null;
        String priceText = value(record, "price");
        try {
            price = priceText == null ? null : new BigDecimal(priceText);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("price", "Give the price as a number such as 9.99."));
        }
        Integer withdrawalDays = null;
        String daysText = value(record, "withdrawal_days");
        try {
            withdrawalDays = daysText == null ? null : Integer.valueOf(daysText);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("withdrawal_days", "Give a whole number of days, or leave it empty for the"
                    + " portal's default period."));
        }
        Instant effective = instant(record, "price_effective_at", problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            OperatorPlans.PlanChange change = plans.put(source, value(record, "plan_code"),
                    new PlanDetails(value(record, "name"), price, value(record, "currency"),
                            value(record, "billing_period"), withdrawalDays, effective));
            counts.plan(change);
            return List.of();
        } catch (InvalidFieldsException e) {
            return e.problems().stream().map(problem -> problem.renamed("code", "plan_code")).toList();
        } catch (ConflictException e) {
            return List.of(new FieldProblem(e.field().equals("code") ? "plan_code" : e.field(), e.getMessage()));
        }
    }

    private List<FieldProblem> violations(Object value) {
        return validator.validate(value).stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .map(FieldProblem::of).toList();
    }

    private static String value(CSVRecord record, String column) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        return value == null || value.isBlank() ? null : value;
    }

    /** An optional true or false (any case); empty means "leave as it is". */
    private static Boolean bool(CSVRecord record, String column, List<FieldProblem> problems) {
        String text = value(record, column);
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        problems.add(new FieldProblem(column, "Say true or false, or leave it empty."));
        return null;
    }

    private static Instant instant(CSVRecord record, String column, List<FieldProblem> problems) {
        String text = value(record, column);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(column, "This must be a time in UTC such as 2026-12-01T00:00:00Z."));
            return null;
        }
    }

    private static final class Counts {
        int subscribersCreated;
        int subscribersUpdated;
        int subscriptionsCreated;
        int subscriptionsUpdated;
        int renewalsHeldBack;
        boolean planFile;
        int plansCreated;
        int plansUpdated;
        int priceNotices;
        int lateNotices;

        void plan(OperatorPlans.PlanChange change) {
            if (change.created()) {
                plansCreated++;
            } else if (change.changed()) {
                plansUpdated++;
            }
            priceNotices += change.told().notices();
            lateNotices += change.told().late();
        }

        void subscriber(boolean created) {
            if (created) {
                subscribersCreated++;
            } else {
                subscribersUpdated++;
            }
        }

        void subscription(Upserted<?> upserted) {
            if (upserted.renewalHeldBack()) {
                renewalsHeldBack++;
            } else if (upserted.created()) {
                subscriptionsCreated++;
            } else {
                subscriptionsUpdated++;
            }
        }
    }
}
