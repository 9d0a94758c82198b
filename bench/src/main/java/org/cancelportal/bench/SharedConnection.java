package org.cancelportal.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that lends out one open connection again and again, as the server's pool does: the benchmark then
 * measures the queries, not connection set-up. It also keeps the SQL and parameters of the statements prepared
 * since {@link #record()}, so the exact queries that were timed can be explained afterwards.
 */
final class SharedConnection implements DataSource {

    /** A statement as it was sent: its text and its parameters in placeholder order. */
    record Statement(String sql, List<Object> parameters) {
    }

    private final Connection connection;
    private final List<Statement> recorded = new ArrayList<>();

    SharedConnection(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Forgets what was recorded so far. */
    void record() {
        recorded.clear();
    }

    /** The statements prepared since {@link #record()}, in order. */
    List<Statement> recorded() {
        return List.copyOf(recorded);
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                new Lent());
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    /** The borrowed connection: closing it gives it back (does nothing), everything else goes to the real one. */
    private final class Lent implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    return null;
                case "isClosed":
                    return false;
                case "prepareStatement":
                    Statement noted = new Statement((String) args[0], new ArrayList<>());
                    recorded.add(noted);
                    PreparedStatement statement = (PreparedStatement) call(connection, method, args);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[]{PreparedStatement.class}, new Recorded(statement, noted.parameters()));
                default:
                    return call(connection, method, args);
            }
        }
    }

    /** A prepared statement whose parameters are noted as they are set. */
    private final class Recorded implements InvocationHandler {
        private final PreparedStatement statement;
        private final List<Object> parameters;

        Recorded(PreparedStatement statement, List<Object> parameters) {
            this.statement = statement;
            this.parameters = parameters;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i
                    && method.getDeclaringClass() == PreparedStatement.class) {
                while (parameters.size() < i) {
                    parameters.add(null);
                }
                parameters.set(i - 1, args[1]);
            }
            return call(statement, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
