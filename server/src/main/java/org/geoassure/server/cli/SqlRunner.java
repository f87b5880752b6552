package org.geoassure.server.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.query.sql.SqlQueries;
import org.geoassure.geodb.store.WorkspaceStore;

/** {@code geoassure query WS --sql "..."}: runs SQL through the Calcite front end and streams the rows. */
final class SqlRunner {
    private SqlRunner() {
    }

    static int run(QueryCommand q) {
        if (q.target != null) {
            throw new InvalidContentException("TARGET: not with --sql (name tables in the query)");
        }
        if (q.box != null || q.near != null || q.line != null || !q.where.isEmpty() || !q.holes.isEmpty()) {
            throw new InvalidContentException("--sql: put spatial and attribute conditions in the query's WHERE clause");
        }
        Selection s = q.read.apply(Selection.all());
        TimeSlice slice = s.time();
        // the connection refuses anything but a query, before planning, and takes out the time clauses
        try (WorkspaceStore store = q.ws.open(); Connection c = SqlQueries.connect(store, slice);
                Statement st = c.createStatement()) {
            if (q.explain) {
                String report = SqlQueries.explainAnalyze(c, q.sql);
                q.spec.commandLine().getOut().print(report);
                q.spec.commandLine().getOut().flush();
                return 0;
            }
            try (ResultSet rs = st.executeQuery(q.sql)) {
                q.read.output(q.spec.commandLine().getOut(), w -> write(rs, q.read.format, w));
            }
        } catch (SQLException e) {
            throw classify(e);
        }
        return 0;
    }

    private static void write(ResultSet rs, String format, RowWriter.Output w) {
        try {
            writeRows(rs, format, w);
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    static void writeRows(ResultSet rs, String format, RowWriter.Output w) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<RowWriter.Col> cols = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            cols.add(new RowWriter.Col(md.getColumnLabel(i), RowWriter.Kind.ofSql(md.getColumnType(i),
                    md.getColumnTypeName(i))));
        }
        try (RowWriter out = RowWriter.create(format, w, cols)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.row(row);
            }
        }
    }

    /** Parse and validation errors, and our own bad-input errors, are the user's: exit 2; the rest is internal. */
    static RuntimeException classify(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidContentException bad) {
                return bad;
            }
            String name = t.getClass().getName();
            if (name.endsWith("SqlParseException") || name.endsWith("CalciteContextException")
                    || name.endsWith("SqlValidatorException")) {
                return new InvalidContentException("--sql: " + firstLine(t.getMessage()));
            }
        }
        return new StorageException("--sql: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
