package org.cancelportal.insights.control;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional parts, with its parameters in the order of their placeholders. */
final class Conditions {

    private final StringBuilder clause = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Conditions add(String condition, Object... values) {
        clause.append(clause.isEmpty() ? " WHERE " : " AND ").append(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    Conditions addIf(Object value, String condition) {
        return value == null ? this : add(condition, value);
    }

    String sql() {
        return clause.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
