package org.geoassure.geodb.query.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.query.sql.internal.SpatialFunctions;
import org.geoassure.geodb.query.sql.internal.SqlSession;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * SQL over a workspace, planned by Apache Calcite. The workspace is the default schema: {@code boreholes},
 * {@code surveys} and one table per interval table (by its name, e.g. {@code lithology}), with a {@code geom} column
 * of JTS geometries with z (collar and station points, interval from-mid-to lines). Identifiers are case-insensitive.
 * Functions with PostGIS names and 3D semantics: {@code ST_MakePoint(x, y, z)}, {@code ST_GeomFromText},
 * {@code ST_AsText}, {@code ST_X/ST_Y/ST_Z}, {@code ST_3DDistance}, {@code ST_3DDWithin}, {@code ST_3DIntersects}.
 *
 * <p>Time: every table shows one {@link TimeSlice}, chosen when connecting (default: the current state). Queries
 * cannot modify the store.
 *
 * <pre>{@code
 * try (Connection c = SqlQueries.connect(store, TimeSlice.current());
 *      ResultSet rs = c.createStatement().executeQuery(
 *          "SELECT hole_id, depth_from FROM lithology WHERE ST_3DDWithin(geom, ST_MakePoint(494930, 6803192, 250), 30e0)")) {
 *     ...
 * }
 * }</pre>
 */
public final class SqlQueries {
    private static final Map<String, String> FUNCTIONS = Map.of(
            "ST_MakePoint", "stMakePoint", "ST_GeomFromText", "stGeomFromText", "ST_AsText", "stAsText",
            "ST_X", "stX", "ST_Y", "stY", "ST_Z", "stZ", "ST_3DDistance", "st3DDistance", "ST_3DDWithin", "st3DDWithin",
            "ST_3DIntersects", "st3DIntersects", "ST_3DMakeBox", "st3DMakeBox");

    private SqlQueries() {
    }

    /**
     * Checks that {@code sql} parses and is a query (SELECT, VALUES, WITH, set operations, ORDER BY) or an
     * {@code EXPLAIN PLAN FOR} of one: nothing that would modify the workspace.
     *
     * @throws InvalidContentException with the parser's line and column, or naming the kind of statement refused
     */
    public static void requireQuery(String sql) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, SqlParser.config().withLex(Lex.JAVA)).parseStmt();
        } catch (SqlParseException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int nl = m.indexOf('\n');
            throw new InvalidContentException("sql: " + (nl < 0 ? m : m.substring(0, nl)));
        }
        SqlNode stmt = node instanceof SqlExplain explain ? explain.getExplicandum() : node;
        if (!stmt.getKind().belongsTo(SqlKind.QUERY)) {
            throw new InvalidContentException("sql: only queries are allowed, the workspace is read-only here (got "
                    + stmt.getKind() + ")");
        }
    }

    /**
     * A JDBC connection whose default schema is the workspace in the given time slice. Closing it does not close
     * the store.
     */
    public static Connection connect(WorkspaceStore store, TimeSlice slice) {
        Properties info = new Properties();
        info.setProperty("lex", "JAVA");
        info.setProperty("caseSensitive", "false");
        try {
            Connection c = DriverManager.getConnection("jdbc:calcite:", info);
            CalciteConnection cc = c.unwrap(CalciteConnection.class);
            SchemaPlus root = cc.getRootSchema();
            Connection session = SqlSession.wrap(c, store, Selection.all().at(slice), SqlQueries::requireQuery);
            SchemaPlus ws = root.add("ws", SqlSession.of(session).defaultSchema());
            FUNCTIONS.forEach((sql, java) -> ws.add(sql, ScalarFunctionImpl.create(SpatialFunctions.class, java)));
            cc.setSchema("ws");
            return session;
        } catch (SQLException e) {
            throw new StorageException("cannot start the SQL engine: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code query} on a connection from {@link #connect} (or the JDBC driver) and describes how it was answered:
     * Calcite's plan (pushed-down conditions show as the scans' {@code filters}), then for every table scan how the
     * store found its rows with the counts (index candidates, rows examined, rows returned), then the number of rows
     * the query returned. The rows themselves are read and dropped.
     *
     * @throws SQLException as executing the query would
     */
    public static String explainAnalyze(Connection c, String query) throws SQLException {
        SqlSession session = SqlSession.of(c);
        StringBuilder out = new StringBuilder("plan:\n");
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + query)) {
                while (rs.next()) {
                    out.append(rs.getString(1).stripTrailing().indent(2));
                }
            }
            session.takeScans();
            long rows = 0;
            try (ResultSet rs = st.executeQuery(query)) {
                while (rs.next()) {
                    rows++;
                }
            }
            out.append("scans:\n");
            for (SqlSession.ScanReport r : session.takeScans()) {
                out.append(r.stats().report(r.table(), r.pushed()));
            }
            out.append("rows returned: ").append(rows).append('\n');
        }
        return out.toString();
    }
}
