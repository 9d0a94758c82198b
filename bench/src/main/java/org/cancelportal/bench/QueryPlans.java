package org.cancelportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs timed statements once more under EXPLAIN (ANALYZE, BUFFERS) with the same parameters and keeps the plans as
 * text files: the evidence for which index or daily table a query needs.
 */
final class QueryPlans {

    private final Connection connection;
    private final Path directory;

    QueryPlans(Connection connection, Path directory) throws IOException {
        this.connection = connection;
        this.directory = Files.createDirectories(directory);
    }

    /** Explains each statement and writes its plan to {@code name.txt} (numbered when there are several). */
    void save(String name, List<SharedConnection.Statement> statements) throws SQLException, IOException {
        for (int i = 0; i < statements.size(); i++) {
            String file = statements.size() == 1 ? name : name + "-" + (i + 1);
            Files.write(directory.resolve(file + ".txt"), explain(statements.get(i)));
        }
    }

    private List<String> explain(SharedConnection.Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add(statement.sql());
        lines.add("-- parameters: " + statement.parameters());
        lines.add("");
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, SETTINGS) "
                + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                explain.setObject(i + 1, statement.parameters().get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
        }
        return lines;
    }
}
