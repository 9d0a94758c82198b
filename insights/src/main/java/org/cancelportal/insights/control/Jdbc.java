package org.cancelportal.insights.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Read-only reporting queries in plain SQL: the figures come from a few aggregate tables, not from entities. */
final class Jdbc {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> List<T> list(DataSource dataSource, String sql, List<Object> parameters, Row<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            return list(connection, sql, parameters, row);
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /**
     * The same, planned for these very values each time. A pooled connection otherwise ends up with PostgreSQL's
     * generic plan, made without the values: for a page of answers within a period it reads the whole period and
     * sorts it (see docs/benchmarks.md).
     */
    static <T> List<T> listPlannedForTheValues(DataSource dataSource, String sql, List<Object> parameters,
                                               Row<T> row) {
        return listWith(dataSource, "plan_cache_mode", "force_custom_plan", sql, parameters, row);
    }

    /**
     * The same, without parallel workers. The daily and weekly tables forbid them for their own scans (V8, V10), but
     * a UNION ALL of such scans may still be planned as a Parallel Append, and starting its workers takes longer
     * than reading the few thousand rows (see docs/benchmarks.md).
     */
    static <T> List<T> listSerially(DataSource dataSource, String sql, List<Object> parameters, Row<T> row) {
        return listWith(dataSource, "max_parallel_workers_per_gather", "0", sql, parameters, row);
    }

    private static <T> List<T> listWith(DataSource dataSource, String setting, String value, String sql,
                                        List<Object> parameters, Row<T> row) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SET " + setting + " = " + value);
            try {
                return list(connection, sql, parameters, row);
            } finally {
                execute(connection, "RESET " + setting);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    private static <T> List<T> list(Connection connection, String sql, List<Object> parameters, Row<T> row)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void forEach(DataSource dataSource, String sql, List<Object> parameters, RowAction action) {
        list(dataSource, sql, parameters, row -> {
            action.accept(row);
            return Boolean.TRUE;
        });
    }

    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
