package org.cancelportal.operator.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cancelportal.operatordata.control.FieldProblem;
import org.cancelportal.operatordata.control.TimeZones;

/**
 * Reads the fields of a JSON body by name, collecting a problem for each field of the wrong type or form instead of
 * stopping at the first, so one answer names every bad field. Unknown fields are refused too: a misspelt optional
 * field would otherwise be silently ignored.
 */
final class JsonFields {

    private final JsonObject body;
    private final List<FieldProblem> problems = new ArrayList<>();

    JsonFields(JsonObject body, Set<String> known) {
        this.body = body;
        body.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> problems.add(new FieldProblem(name, "This field is not known here. Known fields: "
                        + String.join(", ", known.stream().sorted().toList()) + ".")));
    }

    String string(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        problems.add(new FieldProblem(name, "This must be a string."));
        return null;
    }

    /** A list of strings; null when absent. */
    List<String> strings(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonArray array && array.stream().allMatch(JsonString.class::isInstance)) {
            return array.stream().map(item -> ((JsonString) item).getString()).toList();
        }
        problems.add(new FieldProblem(name, "This must be a list of strings, such as [\"a\", \"b\"]."));
        return null;
    }

    /** True or false; null when absent. */
    Boolean bool(String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        problems.add(new FieldProblem(name, "This must be true or false."));
        return null;
    }

    Instant instant(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "This must be a time in UTC such as 2026-12-01T00:00:00Z."));
            return null;
        }
    }

    LocalDate date(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "This must be a date such as 2026-12-01."));
            return null;
        }
    }

    /** A time zone id such as Europe/Berlin; empty when absent. */
    String zone(String name) {
        String text = string(name);
        Optional<FieldProblem> problem = TimeZones.problem(name, text);
        problem.ifPresent(problems::add);
        return problem.isPresent() ? null : text;
    }

    void problem(String name, String detail) {
        problems.add(new FieldProblem(name, detail));
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }
}
