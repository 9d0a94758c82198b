package org.cancelportal.operator.boundary;

import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import org.cancelportal.operatordata.control.OperatorRecords;
import org.cancelportal.web.http.ProblemDetails;

/** The 'after' cursor and 'limit' of a list call, checked: 50 a page unless asked, at most 200. */
record PageRequest(long after, int limit) {

    static final int DEFAULT_LIMIT = 50;

    static PageRequest of(String after, String limit) {
        List<ProblemDetails.Part> problems = new ArrayList<>();
        long cursor = 0;
        int size = DEFAULT_LIMIT;
        if (after != null && !after.isBlank()) {
            try {
                cursor = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                problems.add(ProblemDetails.parameter("after", "Pass the next_cursor of the page before."));
            }
        }
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > OperatorRecords.MAX_PAGE) {
                problems.add(ProblemDetails.parameter("limit",
                        "A whole number from 1 to " + OperatorRecords.MAX_PAGE + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw new WebApplicationException(ProblemDetails.badParameters(problems));
        }
        return new PageRequest(cursor, size);
    }
}
