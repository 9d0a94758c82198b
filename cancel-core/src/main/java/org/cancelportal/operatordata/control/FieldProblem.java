package org.cancelportal.operatordata.control;

import jakarta.validation.ConstraintViolation;
import java.util.Locale;

/** What is wrong with one field of a request, in words for the person who wrote it (field names as sent). */
public record FieldProblem(String field, String detail) {

    /** The name a Java property goes by in our JSON and CSV: currentPeriodEnd is current_period_end. */
    public static String nameOf(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A Bean Validation finding, under the name of the field it is about (the last node of its path). */
    public static FieldProblem of(ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().toString();
        return new FieldProblem(nameOf(property.substring(property.lastIndexOf('.') + 1)), violation.getMessage());
    }

    /** The same problem under the name the field has where it came from. */
    public FieldProblem renamed(String from, String to) {
        return field.equals(from) ? new FieldProblem(to, detail) : this;
    }
}
