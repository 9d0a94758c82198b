package org.cancelportal.web.limits;

import java.util.Locale;

/**
 * How much a request may carry, by what it carries: a file upload (the CSV import) up to 5 MB with its form around it,
 * a form far more than any person types, a JSON body far more than any single record of the API. Every field of a
 * form is also held to a length, whatever the page does with it later.
 */
public final class RequestLimits {

    public static final long UPLOAD_BYTES = 5L * 1024 * 1024 + 64 * 1024;
    public static final long FORM_BYTES = 256L * 1024;
    public static final long JSON_BYTES = 64L * 1024;
    public static final long OTHER_BYTES = 64L * 1024;
    public static final int FIELD_CHARACTERS = 10_000;

    private RequestLimits() {
    }

    /** @return the most bytes a request body of this content type may have */
    public static long maxBytes(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            return UPLOAD_BYTES;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return FORM_BYTES;
        }
        if (type.startsWith("application/json") || type.contains("+json")) {
            return JSON_BYTES;
        }
        return OTHER_BYTES;
    }

    /** @return whether a form field's value is longer than any field takes */
    public static boolean tooLong(String fieldValue) {
        return fieldValue != null && fieldValue.length() > FIELD_CHARACTERS;
    }
}
