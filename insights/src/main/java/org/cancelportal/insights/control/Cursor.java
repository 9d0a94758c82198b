package org.cancelportal.insights.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a page of answers ended, newest first. New answers are always newer than any cursor, so they never shift
 * a later page: each answer is listed exactly once however many arrive while someone pages.
 */
public record Cursor(Instant submittedAt, long id) implements Serializable {

    /** As it appears in a link: seconds, nanoseconds and id, all digits, so nothing needs escaping. */
    public String token() {
        return submittedAt.getEpochSecond() + "." + submittedAt.getNano() + "." + id;
    }

    public static Optional<Cursor> parse(String token) {
        if (token == null || !token.matches("-?\\d{1,12}\\.\\d{1,9}\\.\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        return Optional.of(new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                Long.parseLong(parts[2])));
    }
}
