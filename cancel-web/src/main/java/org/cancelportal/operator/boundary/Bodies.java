package org.cancelportal.operator.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cancelportal.operatordata.control.FieldProblem;
import org.cancelportal.operatordata.control.InvalidFieldsException;

/** Turns a request body into checked values: JSON first, then Hibernate Validator on every field. */
@ApplicationScoped
public class Bodies {

    @Inject
    Validator validator;

    /** @throws InvalidFieldsException for a body that is not one JSON object (named "body") */
    JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            throw new InvalidFieldsException("body", "The body is not valid JSON: " + e.getMessage());
        }
        throw new InvalidFieldsException("body", "The body must be one JSON object.");
    }

    /**
     * The value, if it and the fields read before it have no problems.
     *
     * @throws InvalidFieldsException naming every bad field, once each
     */
    <T> T checked(T value, JsonFields fields) {
        List<FieldProblem> problems = new ArrayList<>(fields.problems());
        Set<String> named = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        validator.validate(value).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(FieldProblem::of)
                .filter(problem -> named.add(problem.field()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return value;
    }

}
