package org.cancelportal.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cancelportal.insights.control.Cursor;
import org.cancelportal.insights.control.InsightsFilter;
import org.cancelportal.insights.control.InsightsQueries;

/**
 * The dashboard's figures computed straight from the rows they count (cancellation, subscription, plan, subscriber,
 * survey_invitation, survey_response), as they would be without the daily tables. Each query joins only the tables
 * its filter needs, so the comparison is with the best the base tables can do. Results are keyed counts, the same
 * shape {@link Figures} gives the summary-backed results, so both can be checked for agreement.
 */
final class BaseTableQueries {

    private final Connection connection;

    BaseTableQueries(Connection connection) {
        this.connection = connection;
    }

    SortedMap<String, Long> totals(InsightsFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*), count(c.undone_at),"
                + " count(*) FILTER (WHERE i.status = 'SENT'), count(i.responded_at)");
        for (int bucket = 1; bucket <= InsightsQueries.JOURNEY_BUCKETS.size(); bucket++) {
            sql.append(", count(*) FILTER (WHERE journey_bucket(c.journey_started_at, c.requested_at) = ")
                    .append(bucket).append(')');
        }
        Query query = cancellations(filter, sql.append(" FROM cancellation c").toString(),
                " LEFT JOIN survey_invitation i ON i.cancellation_id = c.id", false);
        SortedMap<String, Long> figures = new TreeMap<>();
        query.forEach(connection, row -> {
            figures.put("cancelled", row.getLong(1));
            figures.put("undone", row.getLong(2));
            figures.put("invited", row.getLong(3));
            figures.put("responded", row.getLong(4));
            for (int i = 0; i < InsightsQueries.JOURNEY_BUCKETS.size(); i++) {
                figures.put("journey " + InsightsQueries.JOURNEY_BUCKETS.get(i), row.getLong(5 + i));
            }
        });
        return figures;
    }

    SortedMap<String, Long> tenure(InsightsFilter filter) throws SQLException {
        Query query = cancellations(filter, "SELECT tenure_band(s.started_at, c.requested_at), count(*)"
                + " FROM cancellation c", "", true).groupBy(" GROUP BY 1");
        return query.counts(connection);
    }

    SortedMap<String, Long> responses(InsightsFilter filter) throws SQLException {
        return responses(filter, "SELECT 'responses', count(*) FROM survey_response r", "").counts(connection);
    }

    SortedMap<String, Long> reasons(InsightsFilter filter) throws SQLException {
        return responses(filter, "SELECT coalesce(reason_code, ''), count(*) FROM survey_response r", " GROUP BY 1")
                .counts(connection);
    }

    SortedMap<String, Long> weeklyTrend(InsightsFilter filter) throws SQLException {
        return responses(filter, "SELECT coalesce(reason_code, '') || ' ' || date_trunc('week',"
                        + " (submitted_at AT TIME ZONE 'UTC')::DATE)::DATE, count(*) FROM survey_response r",
                " GROUP BY 1").counts(connection);
    }

    /** Where the page that starts after {@code skipped} answers begins, newest first. */
    Cursor cursorAfter(InsightsFilter filter, int skipped) throws SQLException {
        Query query = responses(filter, "SELECT submitted_at, id FROM survey_response r",
                " ORDER BY submitted_at DESC, id DESC OFFSET " + (skipped - 1) + " LIMIT 1");
        List<Cursor> found = new ArrayList<>();
        query.forEach(connection, row -> found.add(new Cursor(row.getTimestamp(1).toInstant(), row.getLong(2))));
        return found.get(0);
    }

    private static Query responses(InsightsFilter filter, String select, String tail) {
        requireNoReason(filter);
        Query query = new Query(select).where("submitted_at >= ?", start(filter)).where("submitted_at < ?", end(filter));
        query.whereIf(filter.plan(), "plan_code = ?").whereIf(filter.tenureBand(), "tenure_band = ?")
                .whereIf(filter.channel(), "channel = ?").whereIf(filter.language(), "split_part(locale, '-', 1) = ?");
        return query.groupBy(tail);
    }

    private static Query cancellations(InsightsFilter filter, String select, String extraJoin,
                                       boolean needsSubscription) {
        requireNoReason(filter);
        boolean subscription = needsSubscription || filter.plan() != null || filter.language() != null
                || filter.tenureBand() != null;
        StringBuilder from = new StringBuilder(select);
        if (subscription) {
            from.append(" JOIN subscription s ON s.id = c.subscription_id");
        }
        if (filter.plan() != null) {
            from.append(" JOIN plan p ON p.id = s.plan_id");
        }
        if (filter.language() != null) {
            from.append(" JOIN subscriber sub ON sub.id = s.subscriber_id");
        }
        Query query = new Query(from.append(extraJoin).toString())
                .where("c.requested_at >= ?", start(filter)).where("c.requested_at < ?", end(filter));
        return query.whereIf(filter.plan(), "p.code = ?")
                .whereIf(filter.tenureBand(), "tenure_band(s.started_at, c.requested_at) = ?")
                .whereIf(filter.channel(), "c.channel = ?")
                .whereIf(filter.language(), "split_part(sub.locale, '-', 1) = ?");
    }

    private static void requireNoReason(InsightsFilter filter) {
        if (filter.reason() != null) {
            throw new IllegalArgumentException("The benchmark does not filter by reason");
        }
    }

    private static Timestamp start(InsightsFilter filter) {
        return Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Timestamp end(InsightsFilter filter) {
        return Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** SQL text with its WHERE conditions and their parameters in placeholder order. */
    private static final class Query {

        @FunctionalInterface
        interface RowAction {
            void accept(ResultSet row) throws SQLException;
        }

        private final StringBuilder sql;
        private final List<Object> parameters = new ArrayList<>();
        private String tail = "";
        private boolean hasWhere;

        Query(String select) {
            sql = new StringBuilder(select);
        }

        Query where(String condition, Object value) {
            sql.append(hasWhere ? " AND " : " WHERE ").append(condition);
            hasWhere = true;
            parameters.add(value);
            return this;
        }

        Query whereIf(Object value, String condition) {
            return value == null ? this : where(condition, value);
        }

        Query groupBy(String clause) {
            tail = clause;
            return this;
        }

        void forEach(Connection connection, RowAction action) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql + tail)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        action.accept(rows);
                    }
                }
            }
        }

        SortedMap<String, Long> counts(Connection connection) throws SQLException {
            SortedMap<String, Long> counts = new TreeMap<>();
            forEach(connection, row -> counts.put(row.getString(1), row.getLong(2)));
            return counts;
        }
    }
}
