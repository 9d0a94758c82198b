package org.cancelportal.publiccancel.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cancelportal.publiccancel.entity.DeclarationKind;
import org.cancelportal.publiccancel.entity.Declared;

/**
 * The public cancellation form as typed. Says per field what cannot be used (as a message key), so the page can
 * tell the person exactly what to fix; only a form without problems becomes a declaration.
 */
public record DeclarationForm(String contract, String name, String accountEmail, String kind, String reason,
                              String desiredEnd, String confirmationEmail) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_REASON = 2000;
    /** Further ahead than this is almost certainly a typing mistake. */
    static final int MAX_YEARS_AHEAD = 5;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d.M.uuuu"));

    /** Field name → message key of what is wrong with it, in the order of the form; empty when all is well. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        text("contract", contract, MAX_TEXT).ifPresent(key -> problems.put("contract", key));
        text("name", name, MAX_TEXT).ifPresent(key -> problems.put("name", key));
        email("account-email", accountEmail).ifPresent(key -> problems.put("accountEmail", key));
        if (chosenKind() == null) {
            problems.put("kind", "public-cancel.problem.kind");
        } else if (chosenKind() == DeclarationKind.EXTRAORDINARY) {
            text("reason", reason, MAX_REASON).ifPresent(key -> problems.put("reason", key));
        }
        endDateProblem(today).ifPresent(key -> problems.put("desiredEnd", key));
        email("confirmation-email", confirmationEmail).ifPresent(key -> problems.put("confirmationEmail", key));
        return problems;
    }

    /** @throws IllegalArgumentException the form still has problems */
    public Declared declared(Locale locale, LocalDate today) {
        Map<String, String> problems = problems(today);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The form cannot be used: " + problems);
        }
        DeclarationKind chosen = chosenKind();
        return new Declared(contract.strip(), name.strip(), accountEmail.strip(), chosen,
                chosen == DeclarationKind.EXTRAORDINARY ? reason.strip() : null, parseDate(desiredEnd).orElse(null),
                confirmationEmail.strip(), locale);
    }

    private DeclarationKind chosenKind() {
        return kind == null ? null : switch (kind) {
            case "ORDINARY" -> DeclarationKind.ORDINARY;
            case "EXTRAORDINARY" -> DeclarationKind.EXTRAORDINARY;
            default -> null;
        };
    }

    private Optional<String> endDateProblem(LocalDate today) {
        if (isBlank(desiredEnd)) {
            return Optional.empty();
        }
        Optional<LocalDate> date = parseDate(desiredEnd);
        if (date.isEmpty()) {
            return Optional.of("public-cancel.problem.desired-end.invalid");
        }
        if (date.get().isBefore(today)) {
            return Optional.of("public-cancel.problem.desired-end.past");
        }
        if (date.get().isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            return Optional.of("public-cancel.problem.desired-end.too-far");
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parseDate(String typed) {
        if (isBlank(typed)) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(typed.strip(), format));
            } catch (DateTimeParseException notThisOne) {
                // try the next way of writing a date
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(String field, String value, int max) {
        if (isBlank(value)) {
            return Optional.of("public-cancel.problem." + field + ".missing");
        }
        return value.strip().length() > max ? Optional.of("public-cancel.problem." + field + ".too-long")
                : Optional.empty();
    }

    private static Optional<String> email(String field, String value) {
        if (isBlank(value)) {
            return Optional.of("public-cancel.problem." + field + ".missing");
        }
        String address = value.strip();
        return address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()
                ? Optional.of("public-cancel.problem." + field + ".invalid") : Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
