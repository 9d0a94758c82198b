package org.cancelportal.operatordata.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
 * and no row is imported.
 */
@ApplicationScoped
public class CsvImport {

    public static final List<String> COLUMNS = List.of("subscriber_id", "email", "name", "locale", "time_zone",
            "subscription_id", "plan", "started_at", "current_period_start", "current_period_end", "trial_ends_at",
            "country", "service_start_requested");
    private static final Set<String> REQUIRED = Set.of("subscriber_id", "email", "name");
    public static final int MAX_ROWS = 10_000;

    @Inject
    OperatorUpserts upserts;

    @Inject
    Validator validator;

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
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                if (++rows > MAX_ROWS) {
                    throw new InvalidFieldsException("file", "A file has at most " + MAX_ROWS + " rows; split it.");
                }
                List<FieldProblem> problems = importRow(source, record, counts);
                if (!problems.isEmpty()) {
                    rejected.add(new ImportReport.RejectedRow(record.getRecordNumber(), problems));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFieldsException("file", "The file could not be read as CSV: " + e.getMessage());
        }
        ImportReport report = new ImportReport(rows, rejected, counts.subscribersCreated, counts.subscribersUpdated,
                counts.subscriptionsCreated, counts.subscriptionsUpdated, counts.renewalsHeldBack);
        if (!apply || !report.accepted()) {
            throw new ImportNotAppliedException(report);
        }
        return report;
    }

    private static void checkHeader(List<String> header) {
        List<String> unknown = header.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !COLUMNS.contains(name)).toList();
        List<String> missing = REQUIRED.stream().filter(name -> !header.contains(name)).sorted().toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidFieldsException("file", "The first line must name the columns: "
                    + String.join(",", COLUMNS) + (missing.isEmpty() ? "" : ". Missing: " + String.join(", ", missing))
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
