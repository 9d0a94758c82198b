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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
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
