package org.geoassure.geodb.query.sql.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * One SQL connection to a workspace: a Calcite connection behind a proxy that checks and rewrites every statement's
 * text before Calcite plans it. Only queries pass ({@link #prepare}); time clauses become per-slice schemas
 * ({@link TimeClauses}); every scan reports what it did to the session's scan log (for EXPLAIN with counts).
 * Internal.
 */
public final class SqlSession implements InvocationHandler {
    private static final Set<String> SQL_METHODS = Set.of("prepareStatement", "prepareCall", "nativeSQL");
    private static final Set<String> STATEMENT_SQL_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    /** What one table scan did. */
    public record ScanReport(String table, Selection pushed, ScanStats stats) {
    }

    private final Connection calcite;
    private final SchemaPlus root;
    private final WorkspaceStore store;
    private final Selection defaults;
    private final Consumer<String> requireQuery;
    private final List<ScanReport> scans = Collections.synchronizedList(new ArrayList<>());

    private SqlSession(Connection calcite, WorkspaceStore store, Selection defaults, Consumer<String> requireQuery)
            throws SQLException {
        this.calcite = calcite;
        this.root = calcite.unwrap(CalciteConnection.class).getRootSchema();
        this.store = store;
        this.defaults = defaults;
        this.requireQuery = requireQuery;
    }

    /**
     * Wraps a Calcite connection whose root schema holds the workspace as {@code ws}.
     *
     * @param requireQuery throws {@link InvalidContentException} unless its argument is a query
     */
    public static Connection wrap(Connection calcite, WorkspaceStore store, Selection defaults,
            Consumer<String> requireQuery) throws SQLException {
        SqlSession s = new SqlSession(calcite, store, defaults, requireQuery);
        return (Connection) Proxy.newProxyInstance(SqlSession.class.getClassLoader(), new Class<?>[] {Connection.class}, s);
    }

    /** The session behind a connection from {@link #wrap}, through any number of proxies that forward unwrap. */
    public static SqlSession of(Connection c) {
        try {
            return c.unwrap(SqlSession.class);
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a GeoAssure SQL connection", e);
        }
    }

    /** The schema for the connection's own time slice. */
    public WorkspaceSchema defaultSchema() {
        return new WorkspaceSchema(store, defaults, "ws", scans::add);
    }

    /**
     * Checks that {@code sql} is a query and rewrites its time clauses, adding a schema for each new time slice.
     *
     * @throws InvalidContentException with line and column when it is not a query or a clause is malformed
     */
    public String prepare(String sql) {
        TimeClauses.Result r = TimeClauses.rewrite(sql);
        requireQuery.accept(r.sql());
        for (Map.Entry<String, TimeClauses.Slice> e : r.slices().entrySet()) {
            if (root.getSubSchema(e.getKey()) == null) {
                Selection s = defaults;
                if (e.getValue().validAt() != null) {
                    s = s.asOf(e.getValue().validAt());
                }
                if (e.getValue().recordedAt() != null) {
                    s = s.recordedAsOf(e.getValue().recordedAt());
                }
                root.add(e.getKey(), new WorkspaceSchema(store, s, e.getKey(), scans::add));
            }
        }
        return r.sql();
    }

    /** Scans reported since the last call, in the order they finished; clears the log. */
    public List<ScanReport> takeScans() {
        synchronized (scans) {
            List<ScanReport> out = List.copyOf(scans);
            scans.clear();
            return out;
        }
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("unwrap") && args[0] == SqlSession.class) {
            return this;
        }
        if (m.getName().equals("isWrapperFor") && args[0] == SqlSession.class) {
            return true;
        }
        Object[] a = args;
        if (SQL_METHODS.contains(m.getName()) && a != null && a.length > 0 && a[0] instanceof String sql) {
            a = a.clone();
            a[0] = checked(sql);
        }
        Object r = call(calcite, m, a);
        if (r instanceof Statement st && !(r instanceof java.sql.PreparedStatement)) {
            return statement(st, (Connection) proxy);
        }
        return r;
    }

    private Statement statement(Statement st, Connection proxyConnection) {
        return (Statement) Proxy.newProxyInstance(SqlSession.class.getClassLoader(), new Class<?>[] {Statement.class},
                (p, m, args) -> {
                    if (m.getName().equals("getConnection")) {
                        return proxyConnection;
                    }
                    Object[] a = args;
                    if ((m.getName().equals("executeQuery") || m.getName().equals("execute")) && a != null
                            && a.length == 1 && a[0] instanceof String sql && explainAnalyze(sql) != null) {
                        String report = org.geoassure.geodb.query.sql.SqlQueries.explainAnalyze(proxyConnection,
                                explainAnalyze(sql));
                        a = new Object[] {reportQuery(report)};
                    }
                    if (STATEMENT_SQL_METHODS.contains(m.getName()) && a != null && a.length > 0
                            && a[0] instanceof String sql) {
                        a = a.clone();
                        a[0] = checked(sql);
                    }
                    return call(st, m, a);
                });
    }

    /** The query of {@code EXPLAIN ANALYZE <query>} (PostgreSQL's spelling; any case), else null. */
    static String explainAnalyze(String sql) {
        String t = sql.stripLeading();
        String[] words = t.split("\\s+", 3);
        if (words.length == 3 && words[0].equalsIgnoreCase("EXPLAIN") && words[1].equalsIgnoreCase("ANALYZE")) {
            return words[2];
        }
        return null;
    }

    /** A query whose result is the report's lines, one row each, in a column {@code plan}. */
    private static String reportQuery(String report) {
        StringBuilder sb = new StringBuilder("SELECT plan FROM (VALUES ");
        List<String> lines = report.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i > 0 ? ", " : "").append("(CAST('").append(lines.get(i).replace("'", "''"))
                    .append("' AS VARCHAR), ").append(i).append(')');
        }
        return sb.append(") AS t(plan, n) ORDER BY n").toString();
    }

    /** {@link #prepare}, with bad input as the SQLException JDBC callers expect (SQL state 42000). */
    private String checked(String sql) throws SQLException {
        try {
            return prepare(sql);
        } catch (InvalidContentException e) {
            throw new SQLException(e.getMessage(), "42000", e);
        }
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
