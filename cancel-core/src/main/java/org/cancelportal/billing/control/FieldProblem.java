package org.cancelportal.billing.control;

/** What is wrong with one field of a request, in words for the person who wrote it (field names as sent). */
public record FieldProblem(String field, String detail) {
}
