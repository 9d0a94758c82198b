package org.cancelportal.insights.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the figures of the filter's period (UTC days, both included); the other facets do not apply. */
@ApplicationScoped
public class ReminderQueries {

    @Resource(lookup = "jdbc/cancelportal")
    DataSource dataSource;

    public ReminderFigures read(InsightsFilter filter) {
        List<Object> period = List.of(start(filter.from()), start(filter.to().plusDays(1)));
        Map<String, Long> sent = new LinkedHashMap<>();
        Jdbc.list(dataSource, "SELECT kind, count(*) FROM reminder_notice WHERE sent_at >= ? AND sent_at < ?"
                + " GROUP BY kind ORDER BY kind", period, row -> sent.put(row.getString(1), row.getLong(2)));
        long cancellations = Jdbc.list(dataSource, "SELECT count(DISTINCT c.id) FROM cancellation c"
                + " WHERE c.undone_at IS NULL AND EXISTS (SELECT 1 FROM reminder_notice n"
                + " WHERE n.subscription_id = c.subscription_id AND n.sent_at >= ? AND n.sent_at < ?"
                + " AND c.requested_at >= n.sent_at AND c.requested_at < n.sent_at + interval '7 days')",
                period, row -> row.getLong(1)).get(0);
        return new ReminderFigures(sent, cancellations);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
