package org.cancelportal.insights.control;

import java.util.Objects;

/**
 * Which answers to list: the dashboard's filter, words to search for, reviewed or not, a tag, and where the previous
 * page ended. {@code withWords} keeps only answers that wrote something.
 */
public record ResponseQuery(InsightsFilter filter, String search, Boolean reviewed, String tag, boolean withWords,
                            Cursor after, int size) {

    public static final int MAX_SIZE = 200;

    public ResponseQuery {
        Objects.requireNonNull(filter, "filter");
        search = search == null || search.isBlank() ? null : search.strip();
        tag = Tags.normalise(tag);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_SIZE + " answers, not " + size);
        }
    }

    public ResponseQuery after(Cursor next) {
        return new ResponseQuery(filter, search, reviewed, tag, withWords, next, size);
    }

    Conditions conditions() {
        Conditions where = filter.onResponses();
        if (withWords) {
            where.add("(comment IS NOT NULL OR fair_outcome IS NOT NULL)");
        }
        if (search != null) {
            where.add("search_text @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('german', ?))",
                    search, search);
        }
        where.addIf(reviewed, "reviewed = ?");
        where.addIf(tag, "EXISTS (SELECT 1 FROM survey_response_tag t WHERE t.response_id = r.id AND t.tag = ?)");
        if (after != null) {
            where.add("(submitted_at, id) < (?, ?)", java.sql.Timestamp.from(after.submittedAt()), after.id());
        }
        return where;
    }
}
