package org.cancelportal.safety.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The published demo logins and operator keys that are in the database, read before anyone can use them. */
public record DemoTraces(List<String> logins, List<String> operatorsWithDemoKey) {

    public static DemoTraces in(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new DemoTraces(
                    strings(connection, "SELECT username FROM app_user WHERE username = ANY (?) ORDER BY username",
                            PublishedDemoCredentials.LOGINS.toArray(String[]::new)),
                    strings(connection, "SELECT o.code FROM operator_api_key k JOIN operator o ON o.id = k.operator_id"
                            + " WHERE k.key_hash = ANY (?) ORDER BY o.code",
                            PublishedDemoCredentials.KEY_HASHES.keySet().toArray(String[]::new)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for the demo logins and keys", e);
        }
    }

    private static List<String> strings(Connection connection, String sql, String[] values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", values));
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
