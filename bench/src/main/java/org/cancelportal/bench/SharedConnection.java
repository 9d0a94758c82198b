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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A data source that lends out one open connection again and again, as the server's pool does: the benchmark then
 * measures the queries, not connection set-up. It also keeps the SQL and parameters of the statements prepared
 * since {@link #record()}, and the session settings they ran under (SET before, RESET after, as the application's
 * queries do for some statements), so the exact queries that were timed can be explained as they ran.
 */
final class SharedConnection implements DataSource {

    /**
     * A statement as it was sent: its text, its parameters in placeholder order, and the SET statements in force
     * when it was prepared.
     */
    record Statement(String sql, List<Object> parameters, List<String> settings) {
    }

    private static final Pattern SETTING = Pattern.compile("(?i)\\s*(SET|RESET)\\s+(\\w+).*");

    private final Connection connection;
    private final List<Statement> recorded = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

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
                case "createStatement":
                    java.sql.Statement plain = (java.sql.Statement) call(connection, method, args);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[]{java.sql.Statement.class}, new SettingsNoted(plain));
                case "prepareStatement":
                    Statement noted = new Statement((String) args[0], new ArrayList<>(),
                            List.copyOf(settings.values()));
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

    /** A plain statement whose SET and RESET are noted, so later statements are explained with the same settings. */
    private final class SettingsNoted implements InvocationHandler {
        private final java.sql.Statement statement;

        SettingsNoted(java.sql.Statement statement) {
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = call(statement, method, args);
            if (method.getName().equals("execute") && args != null && args.length == 1
                    && args[0] instanceof String sql) {
                Matcher setting = SETTING.matcher(sql);
                if (setting.matches() && setting.group(1).equalsIgnoreCase("SET")) {
                    settings.put(setting.group(2).toLowerCase(), sql);
                } else if (setting.matches()) {
                    settings.remove(setting.group(2).toLowerCase());
                }
            }
            return result;
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
