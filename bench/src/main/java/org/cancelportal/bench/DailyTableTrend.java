package org.cancelportal.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.cancelportal.insights.control.InsightsFilter;

/**
 * The weekly trend as the dashboard read it before V10: every day of the period from insights_response_day. Timed
 * in turns with the weekly table's read, on the same connection, to show what the weekly grain saves. Results are
 * keyed counts, the shape of {@link Figures}, so both can be checked for agreement.
 */
final class DailyTableTrend {

    private final DataSource dataSource;

    DailyTableTrend(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    SortedMap<String, Long> weeklyTrend(InsightsFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT reason_code || ' ' || date_trunc('week', day)::DATE,"
                + " sum(responses) FROM insights_response_day WHERE day >= ? AND day <= ?");
        List<Object> parameters = new ArrayList<>(List.of(java.sql.Date.valueOf(filter.from()),
                java.sql.Date.valueOf(filter.to())));
        condition(sql, parameters, "plan_code", filter.plan());
        condition(sql, parameters, "tenure_band", filter.tenureBand());
        condition(sql, parameters, "channel", filter.channel());
        condition(sql, parameters, "language", filter.language());
        condition(sql, parameters, "reason_code", filter.reason());
        sql.append(" GROUP BY 1 HAVING sum(responses) > 0");
        SortedMap<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }
}
