package org.cancelportal.insights.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads answers for people and tools, newest first, by keyset pages or as one stream. The columns read here are all
 * anyone outside the survey gets to see: no subscriber, cancellation, name or email ever leaves this class.
 */
@ApplicationScoped
public class ResponseReader {

    private static final String COLUMNS = "SELECT r.id, r.submitted_at, r.cancelled_month, r.plan_code,"
            + " r.billing_period, r.tenure_band, r.channel, split_part(r.locale, '-', 1), r.reason_code, r.comment,"
            + " r.fair_outcome, r.anonymous, r.contact_consent, r.reviewed,"
            + " ARRAY(SELECT t.tag FROM survey_response_tag t WHERE t.response_id = r.id ORDER BY t.tag)"
            + " FROM survey_response r";
    private static final String NEWEST_FIRST = " ORDER BY r.submitted_at DESC, r.id DESC";
    private static final int STREAM_FETCH_SIZE = 500;

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    protected ResponseReader() {
    }

    public ResponseReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ResponsePage page(ResponseQuery query) {
        Conditions where = query.conditions();
        String sql = COLUMNS + where.sql() + NEWEST_FIRST + " LIMIT " + (query.size() + 1);
        // a word search keeps the cached plan: planned for its values, a word no answer holds takes half a second
        List<Listed> rows = query.search() == null
                ? Jdbc.listPlannedForTheValues(dataSource, sql, where.parameters(), ResponseReader::listed)
                : Jdbc.list(dataSource, sql, where.parameters(), ResponseReader::listed);
        Cursor next = rows.size() > query.size() ? rows.get(query.size() - 1).cursor() : null;
        List<ResponseRow> page = rows.subList(0, Math.min(rows.size(), query.size())).stream().map(Listed::row).toList();
        return new ResponsePage(withReplies(page), next);
    }

    /** Every matching answer, one at a time, in constant memory whatever their number. */
    public void stream(ResponseQuery query, Consumer<ResponseRow> consumer) {
        Conditions where = query.conditions();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            }
            try (PreparedStatement statement = Jdbc.prepare(connection, COLUMNS + where.sql() + NEWEST_FIRST,
                    where.parameters())) {
                statement.setFetchSize(STREAM_FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(row(rows));
                    }
                }
            } finally {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading answers failed", e);
        }
    }

    private List<ResponseRow> withReplies(List<ResponseRow> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<ResponseRow.Reply>> threads = new HashMap<>();
        Jdbc.forEach(dataSource, "SELECT response_id, author, body, written_at, sent_at FROM survey_reply"
                        + " WHERE response_id = ANY (string_to_array(?, ',')::BIGINT[]) ORDER BY written_at, id",
                List.of(page.stream().map(row -> String.valueOf(row.id())).collect(Collectors.joining(","))),
                row -> threads.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new ResponseRow.Reply(
                        row.getString(2), row.getString(3), instant(row.getTimestamp(4)),
                        instant(row.getTimestamp(5)))));
        return page.stream().map(row -> row.withReplies(threads.getOrDefault(row.id(), List.of()))).toList();
    }

    /** A row with where it stands in the order: a named answer's exact time orders it, but only its day is shown. */
    private record Listed(Cursor cursor, ResponseRow row) {
    }

    private static Listed listed(ResultSet row) throws SQLException {
        return new Listed(new Cursor(row.getTimestamp(2).toInstant(), row.getLong(1)), row(row));
    }

    private static ResponseRow row(ResultSet row) throws SQLException {
        Array tags = row.getArray(15);
        return new ResponseRow(row.getLong(1), day(row.getTimestamp(2)), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11), row.getBoolean(12), row.getBoolean(13), row.getBoolean(14),
                Arrays.asList((String[]) tags.getArray()), List.of());
    }

    private static LocalDate day(Timestamp timestamp) {
        return LocalDate.ofInstant(timestamp.toInstant(), ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
