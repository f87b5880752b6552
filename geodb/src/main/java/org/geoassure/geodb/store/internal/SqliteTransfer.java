package org.geoassure.geodb.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.store.internal.SqliteStore.TableInfo;
import org.geoassure.geodb.store.internal.Transfer.Insert;
import org.geoassure.geodb.store.internal.Transfer.IntervalTable;
import org.geoassure.geodb.store.internal.Transfer.Table;

/**
 * The embedded engine as one side of a {@link Transfer}. Its tables are the canonical ones, but for the GeoPackage
 * geometry blobs of boreholes, traces and interval rows (made here from the coordinates) and {@code rows} for
 * {@code ga_interval_set.n_rows}. An import rebuilds the R*Trees of traces and features, every interval table's
 * chunks and their R*Tree, and the GeoPackage extents, as the ingests that wrote the rows did. Internal.
 */
class SqliteTransfer implements Transfer.Endpoint {
    private final SqliteStore store;
    private final Connection conn;
    private final int srsId;
    private final String label;

    SqliteTransfer(SqliteStore store, Connection conn, int srsId, String label) {
        this.store = store;
        this.conn = conn;
        this.srsId = srsId;
        this.label = label;
    }

    @Override
    public Connection connection() {
        return conn;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<IntervalTable> intervalTables() {
        return Transfer.intervalTables(store);
    }

    @Override
    public String select(Table table) {
        List<String> cols = Transfer.plainColumns(table);
        if (table.name().equals("ga_interval_set") && table.interval() == null) {
            cols.set(table.index("n_rows"), "t.rows");
        }
        return Transfer.plainSelect(sqlTable(table), cols, table);
    }

    private String sqlTable(Table table) {
        return table.interval() == null ? table.name() : store.tableInfo(table.name()).sqlTable();
    }

    @Override
    public void toCanonical(Table table, Object[] row) {
        if (table.interval() == null && table.name().equals("features")) {
            int a = table.index("attributes");
            row[a] = Transfer.featureAttributes((String) row[a]);
        }
    }

    @Override
    public void beginRead() throws SQLException {
        conn.setAutoCommit(false); // one deferred transaction: the first read takes the snapshot
    }

    @Override
    public void endRead() throws SQLException {
        conn.commit();
        conn.setAutoCommit(true);
    }

    @Override
    public void beginImport() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ga_ingest")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new InvalidContentException(label + ": the workspace already holds " + rs.getLong(1)
                        + " ingests; a copy goes into a new, empty workspace");
            }
        }
    }

    @Override
    public void createIntervalTable(IntervalTable table) throws SQLException {
        try (SqliteIngest ingest = new SqliteIngest(store, conn, srsId, 0, null)) {
            ingest.ensureTable(table.name(), table.columns());
        }
    }

    @Override
    public Insert insert(Table table) {
        List<String> cols = new ArrayList<>(table.columns());
        int n = cols.size();
        if (table.interval() != null) {
            TableInfo t = store.tableInfo(table.name());
            int first = table.index("x_from");
            cols.add("geom");
            return new Insert(insertSql(t.sqlTable(), cols), (ps, row) -> {
                bindAll(ps, row);
                ps.setBytes(n + 1, GpkgGeometry.lineStringZ(srsId, Transfer.intervalLine(row, first)));
            });
        }
        switch (table.name()) {
            case "boreholes": {
                int x = table.index("x");
                cols.add("geom");
                return new Insert(insertSql("boreholes", cols), (ps, row) -> {
                    bindAll(ps, row);
                    ps.setBytes(n + 1, GpkgGeometry.pointZ(srsId, ((Number) row[x]).doubleValue(),
                            ((Number) row[x + 1]).doubleValue(), ((Number) row[x + 2]).doubleValue()));
                });
            }
            case "traces": {
                int coords = table.index("coords");
                cols.add("geom");
                return new Insert(insertSql("traces", cols), (ps, row) -> {
                    bindAll(ps, row);
                    ps.setBytes(n + 1, GpkgGeometry.lineStringZ(srsId, Transfer.coords((byte[]) row[coords])));
                });
            }
            case "ga_interval_set":
                cols.set(table.index("n_rows"), "rows");
                return new Insert(insertSql("ga_interval_set", cols), SqliteTransfer::bindAll);
            case "features": {
                int a = table.index("attributes");
                return new Insert(insertSql("features", cols), (ps, row) -> {
                    Object[] r = row.clone();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> attrs = (Map<String, Object>) r[a];
                    r[a] = FeatureTables.SQLITE.attributes(attrs);
                    bindAll(ps, r);
                });
            }
            default:
                return new Insert(insertSql(table.name(), cols), SqliteTransfer::bindAll);
        }
    }

    private static String insertSql(String sqlTable, List<String> cols) {
        return Transfer.insertSql(sqlTable, cols, Transfer.placeholders(cols.size()), "");
    }

    private static void bindAll(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Transfer.set(ps, i + 1, row[i]);
        }
    }

    /** The R*Trees, the interval chunks and the GeoPackage extents, from the imported rows. */
    @Override
    public void finishImport() throws SQLException {
        BoxBuffer traces = new BoxBuffer();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT fid, coords FROM traces")) {
            while (rs.next()) {
                SqliteIngest.addTracePieces(traces, rs.getLong(1), SqliteStore.unpack(rs.getBytes(2)));
            }
        }
        insertBoxes(traces, "ga_rtree_traces");
        BoxBuffer features = new BoxBuffer();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT fid, min_x, min_y, min_z, max_x, max_y, max_z FROM features")) {
            while (rs.next()) {
                double[] corners = new double[6];
                for (int k = 0; k < 6; k++) {
                    corners[k] = rs.getDouble(2 + k);
                }
                features.add(rs.getLong(1), corners, 2);
            }
        }
        insertBoxes(features, "ga_rtree_features");
        for (String name : store.intervalTables()) {
            rebuildChunks(store.tableInfo(name));
        }
        try (SqliteIngest ingest = new SqliteIngest(store, conn, srsId, 0, null)) {
            ingest.updateContentsExtents();
        }
    }

    private void insertBoxes(BoxBuffer boxes, String rtree) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + SqliteStore.q(rtree)
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            boxes.insertAll(ps);
        }
    }

    /**
     * The chunks of every interval set of {@code t}, as the ingest that wrote the set made them: its rows in depth
     * order, cut by {@link IntervalChunks#chunkEnd}, with the set's times.
     */
    private void rebuildChunks(TableInfo t) throws SQLException {
        String q = SqliteStore.q(t.sqlTable());
        BoxBuffer boxes = new BoxBuffer();
        List<Column> columns = t.columns();
        try (PreparedStatement sets = conn.prepareStatement("SELECT id, hole_id, valid_from, valid_to, recorded_at, "
                + "superseded_at FROM ga_interval_set WHERE table_name = ? ORDER BY id");
                PreparedStatement rowsOf = conn.prepareStatement("SELECT * FROM " + q
                        + " WHERE set_id = ? ORDER BY depth_from, fid");
                PreparedStatement insert = conn.prepareStatement("INSERT INTO " + SqliteStore.q(t.chunkTable())
                        + " (set_id, hole_id, seq, first_from, n_rows, data, valid_from, valid_to, recorded_at, "
                        + "superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            sets.setString(1, t.name());
            try (ResultSet set = sets.executeQuery()) {
                while (set.next()) {
                    long setId = set.getLong(1);
                    List<IntervalRow> rows = new ArrayList<>();
                    List<Object[]> values = new ArrayList<>();
                    List<double[]> positions = new ArrayList<>();
                    rowsOf.setLong(1, setId);
                    try (ResultSet r = rowsOf.executeQuery()) {
                        while (r.next()) {
                            Object[] v = new Object[columns.size()];
                            for (int c = 0; c < v.length; c++) {
                                v[c] = SqliteStore.readValue(r, columns.get(c));
                            }
                            rows.add(new IntervalRow(r.getDouble("depth_from"), r.getDouble("depth_to"),
                                    java.util.Arrays.asList(v)));
                            values.add(v);
                            double[] p = new double[9];
                            for (int k = 0; k < 9; k++) {
                                p[k] = r.getDouble(Transfer.INTERVAL_COLUMNS.get(5 + k));
                            }
                            positions.add(p);
                        }
                    }
                    double[] pos = new double[9 * rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        System.arraycopy(positions.get(i), 0, pos, 9 * i, 9);
                    }
                    Object[][] vals = values.toArray(new Object[0][]);
                    int seq = 0;
                    for (int start = 0; start < rows.size(); ) {
                        int end = IntervalChunks.chunkEnd(rows, start);
                        insert.setLong(1, setId);
                        insert.setString(2, set.getString(2));
                        insert.setInt(3, seq++);
                        insert.setDouble(4, rows.get(start).from());
                        insert.setInt(5, end - start);
                        insert.setBytes(6, IntervalChunks.encode(rows, vals, pos, start, end, columns));
                        for (int k = 0; k < 4; k++) {
                            insert.setLong(7 + k, set.getLong(3 + k));
                        }
                        insert.executeUpdate();
                        boxes.add(SqliteStore.generatedKey(insert), java.util.Arrays.copyOfRange(pos, 9 * start,
                                9 * end), 3 * (end - start));
                        start = end;
                    }
                }
            }
        }
        insertBoxes(boxes, t.rtree());
    }
}
