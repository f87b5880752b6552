package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.geodb.store.internal.SqliteStore.TRACE_PIECE_BITS;
import static org.geoassure.geodb.store.internal.SqliteStore.TRACE_PIECE_LENGTH;
import static org.geoassure.geodb.store.internal.SqliteStore.generatedKey;
import static org.geoassure.geodb.store.internal.SqliteStore.q;
import static org.geoassure.geodb.store.internal.SqliteStore.readValue;
import static org.geoassure.geodb.store.internal.SqliteStore.registerFeatures;
import static org.geoassure.geodb.store.internal.SqliteStore.setNullable;
import static org.geoassure.geodb.store.internal.SqliteStore.setTimes;
import static org.geoassure.geodb.store.internal.SqliteStore.unpack;
import static org.geoassure.geodb.store.internal.SqliteStore.pack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.store.WorkspaceStore.WriteProgress;
import org.geoassure.geodb.store.internal.Bitemporal.Version;
import org.geoassure.geodb.store.internal.SqliteStore.TableInfo;

/**
 * One ingest transaction of the embedded engine: the SQL of {@link BitemporalWriter} (which applies the bitemporal
 * rules of {@link org.geoassure.geodb.store}) for GeoPackage tables, chunks and R*Tree entries. The caller ({@link SqliteStore#ingest})
 * owns the transaction: it commits after {@link #write} returns and rolls back when it throws. Internal.
 */
final class SqliteIngest extends BitemporalWriter<TableInfo> {
    private static final String[] POSITION_COLUMNS = {"x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
        "x_mid", "y_mid", "z_mid"};

    private final SqliteStore store;
    private final Connection conn;
    private final int srsId;
    /** R*Tree entries of this ingest by R*Tree table, inserted in Morton order at the end. */
    private final Map<String, BoxBuffer> boxes = new HashMap<>();

    SqliteIngest(SqliteStore store, Connection conn, int srsId, long now, WriteProgress progress) {
        super(now, progress);
        this.store = store;
        this.conn = conn;
        this.srsId = srsId;
    }

    @Override
    protected void finish() throws SQLException {
        for (var e : boxes.entrySet()) {
            e.getValue().insertAll(stmt("INSERT INTO " + q(e.getKey()) + " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        }
        updateContentsExtents();
    }

    @Override
    protected long insertIngest(DrillholeBatch batch) throws SQLException {
        PreparedStatement ps = stmt("INSERT INTO ga_ingest (recorded_at, kind, user_name, holes_new, "
            + "holes_changed, holes_unchanged, interval_rows) VALUES (?, 'drillholes', ?, 0, 0, 0, 0)");
        ps.setLong(1, now);
        ps.setString(2, batch.provenance().user());
        ps.executeUpdate();
        return generatedKey(ps);
    }

    @Override
    protected double storedEndDepth(String holeId) throws SQLException {
        double end = 0;
        for (String t : store.intervalTables()) {
            TableInfo ti = store.tableInfo(t);
            PreparedStatement ps = stmt("SELECT max(i.depth_to) FROM " + q(ti.sqlTable()) + " i JOIN ga_interval_set s "
                + "ON s.id = i.set_id WHERE s.table_name = ? AND s.hole_id = ? AND s.superseded_at = " + OPEN);
            ps.setString(1, ti.name());
            ps.setString(2, holeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    end = Math.max(end, rs.getDouble(1));
                }
            }
        }
        return end;
    }

    @Override
    protected long insertHoleVersion(long ingestId, PreparedHole p, String hash, double endDepth, long valid)
            throws SQLException {
        Collar c = p.collar();
        long id;
        {
            PreparedStatement ps = stmt("INSERT INTO boreholes (geom, hole_id, x, y, z, total_depth, "
                + "azimuth, dip, desurvey_method, content_hash, end_depth, ingest_id, valid_from, valid_to, recorded_at, "
                + "superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setBytes(1, GpkgGeometry.pointZ(srsId, c.x(), c.y(), c.z()));
            ps.setString(2, c.holeId());
            ps.setDouble(3, c.x());
            ps.setDouble(4, c.y());
            ps.setDouble(5, c.z());
            setNullable(ps, 6, c.totalDepth());
            setNullable(ps, 7, c.azimuth());
            setNullable(ps, 8, c.dip());
            ps.setString(9, p.method().label());
            ps.setString(10, hash);
            ps.setDouble(11, endDepth);
            ps.setLong(12, ingestId);
            setTimes(ps, 13, valid, OPEN, now, OPEN);
            ps.executeUpdate();
            id = generatedKey(ps);
        }
        double[] pos = p.stationPositions();
        {
            PreparedStatement ps = stmt("INSERT INTO surveys (hole_version, hole_id, seq, depth, azimuth, "
                + "dip, x, y, z, valid_from, valid_to, recorded_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (int i = 0; i < p.survey().size(); i++) {
                SurveyStation s = p.survey().get(i);
                ps.setLong(1, id);
                ps.setString(2, c.holeId());
                ps.setInt(3, i);
                ps.setDouble(4, s.depth());
                ps.setDouble(5, s.azimuth());
                ps.setDouble(6, s.dip());
                ps.setDouble(7, pos[3 * i]);
                ps.setDouble(8, pos[3 * i + 1]);
                ps.setDouble(9, pos[3 * i + 2]);
                setTimes(ps, 10, valid, OPEN, now, OPEN);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        double[] line = p.polyline(endDepth);
        long traceId;
        {
            PreparedStatement ps = stmt("INSERT INTO traces (geom, hole_version, hole_id, n_points, coords, "
                + "valid_from, valid_to, recorded_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setBytes(1, GpkgGeometry.lineStringZ(srsId, line));
            ps.setLong(2, id);
            ps.setString(3, c.holeId());
            ps.setInt(4, line.length / 3);
            ps.setBytes(5, pack(line));
            setTimes(ps, 6, valid, OPEN, now, OPEN);
            ps.executeUpdate();
            traceId = generatedKey(ps);
        }
        addTracePieces(box("ga_rtree_traces"), traceId, line);
        return id;
    }

    /** Keeps gpkg_contents' 2D extents and last_change current, so GIS clients zoom to the data. */
    void updateContentsExtents() throws SQLException {
        Map<String, String> extents = new java.util.LinkedHashMap<>();
        extents.put("boreholes", "SELECT min(x), min(y), max(x), max(y) FROM boreholes");
        extents.put("traces", "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM ga_rtree_traces");
        for (String name : store.intervalTables()) {
            TableInfo t = store.tableInfo(name);
            extents.put(t.sqlTable(), "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM " + q(t.rtree()));
        }
        for (var e : extents.entrySet()) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(e.getValue())) {
                rs.next();
                PreparedStatement ps = stmt("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                        + "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?");
                for (int k = 1; k <= 4; k++) {
                    ps.setObject(k, rs.getObject(k));
                }
                ps.setString(5, e.getKey());
                ps.executeUpdate();
            }
        }
    }

    private BoxBuffer box(String rtree) {
        return boxes.computeIfAbsent(rtree, k -> new BoxBuffer());
    }

    @Override
    protected void copyHoleVersion(long oldId, long validFrom, long validTo) throws SQLException {
        Map<String, Object> times = timesOverride(validFrom, validTo);
        long newId = copyRow("boreholes", oldId, times);
        Map<String, Object> child = new HashMap<>(times);
        child.put("hole_version", newId);
        for (long sid : ids("SELECT fid FROM surveys WHERE hole_version = ? ORDER BY seq", oldId)) {
            copyRow("surveys", sid, child);
        }
        for (long tid : ids("SELECT fid FROM traces WHERE hole_version = ?", oldId)) {
            long nt = copyRow("traces", tid, child);
            PreparedStatement ps = stmt("SELECT coords FROM traces WHERE fid = ?");
            ps.setLong(1, nt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                addTracePieces(box("ga_rtree_traces"), nt, unpack(rs.getBytes(1)));
            }
        }
    }

    @Override
    protected void supersedeHoleVersion(long id) throws SQLException {
        for (String t : List.of("boreholes", "surveys", "traces")) {
            String key = t.equals("boreholes") ? "fid" : "hole_version";
            {
                PreparedStatement ps = stmt("UPDATE " + t + " SET superseded_at = ? WHERE " + key + " = ?");
                ps.setLong(1, now);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    @Override
    protected void insertSet(long ingestId, TableInfo t, String holeId, long holeVersion, String hash,
            List<IntervalRow> rows, double[] pos, long valid) throws SQLException {
        long setId;
        {
            PreparedStatement ps = stmt("INSERT INTO ga_interval_set (table_name, hole_id, hole_version, "
                + "content_hash, rows, ingest_id, valid_from, valid_to, recorded_at, superseded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, t.name());
            ps.setString(2, holeId);
            ps.setLong(3, holeVersion);
            ps.setString(4, hash);
            ps.setInt(5, rows.size());
            ps.setLong(6, ingestId);
            setTimes(ps, 7, valid, OPEN, now, OPEN);
            ps.executeUpdate();
            setId = generatedKey(ps);
        }
        StringBuilder cols = new StringBuilder("geom, set_id, hole_id, depth_from, depth_to");
        for (String pc : POSITION_COLUMNS) {
            cols.append(", ").append(pc);
        }
        cols.append(", valid_from, valid_to, recorded_at, superseded_at");
        for (Column c : t.columns()) {
            cols.append(", ").append(q(c.name()));
        }
        int nParams = 5 + 9 + 4 + t.columns().size();
        String sql = "INSERT INTO " + q(t.sqlTable()) + " (" + cols + ") VALUES (" + "?, ".repeat(nParams - 1) + "?)";
        Object[][] resolved = new Object[rows.size()][t.columns().size()];
        {
            PreparedStatement ps = stmt(sql);
            double[] line = new double[9];
            for (int i = 0; i < rows.size(); i++) {
                IntervalRow r = rows.get(i);
                // polyline from -> mid -> to
                PreparedHole.intervalLine(pos, i, line);
                ps.setBytes(1, GpkgGeometry.lineStringZ(srsId, line));
                ps.setLong(2, setId);
                ps.setString(3, holeId);
                ps.setDouble(4, r.from());
                ps.setDouble(5, r.to());
                for (int k = 0; k < 9; k++) {
                    ps.setDouble(6 + k, pos[9 * i + k]);
                }
                setTimes(ps, 15, valid, OPEN, now, OPEN);
                int k = 19;
                for (int c = 0; c < t.columns().size(); c++) {
                    Object v = value(r, t.batchIndex(), c);
                    resolved[i][c] = v;
                    if (v == null) {
                        ps.setNull(k++, t.columns().get(c).type() == ColumnType.NUMBER ? Types.DOUBLE : Types.VARCHAR);
                    } else if (v instanceof Double d) {
                        ps.setDouble(k++, d);
                    } else {
                        ps.setString(k++, v.toString());
                    }
                }
                ps.executeUpdate();
            }
        }
        writeChunks(t, setId, holeId, rows, resolved, pos, valid);
    }

    /** The read-optimised chunks of a new interval set, with their R*Tree boxes. */
    private void writeChunks(TableInfo t, long setId, String holeId, List<IntervalRow> rows, Object[][] values,
            double[] pos, long valid) throws SQLException {
        PreparedStatement ps = stmt("INSERT INTO " + q(t.chunkTable()) + " (set_id, hole_id, seq, first_from, n_rows, "
                + "data, valid_from, valid_to, recorded_at, superseded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        BoxBuffer box = box(t.rtree());
        int seq = 0;
        for (int start = 0; start < rows.size(); ) {
            int end = IntervalChunks.chunkEnd(rows, start);
            ps.setLong(1, setId);
            ps.setString(2, holeId);
            ps.setInt(3, seq++);
            ps.setDouble(4, rows.get(start).from());
            ps.setInt(5, end - start);
            ps.setBytes(6, IntervalChunks.encode(rows, values, pos, start, end, t.columns()));
            setTimes(ps, 7, valid, OPEN, now, OPEN);
            ps.executeUpdate();
            box.add(generatedKey(ps), java.util.Arrays.copyOfRange(pos, 9 * start, 9 * end), 3 * (end - start));
            start = end;
        }
    }

    @Override
    protected void copySet(TableInfo t, long oldSet, long validFrom, long validTo) throws SQLException {
        Map<String, Object> times = timesOverride(validFrom, validTo);
        long newSet = copyRow("ga_interval_set", oldSet, times);
        Map<String, Object> child = new HashMap<>(times);
        child.put("set_id", newSet);
        for (long fid : ids("SELECT fid FROM " + q(t.sqlTable()) + " WHERE set_id = ? ORDER BY fid", oldSet)) {
            copyRow(t.sqlTable(), fid, child);
        }
        for (long fid : ids("SELECT fid FROM " + q(t.chunkTable()) + " WHERE set_id = ? ORDER BY fid", oldSet)) {
            copyBox(t.rtree(), fid, copyRow(t.chunkTable(), fid, child));
        }
    }

    @Override
    protected void supersedeSet(TableInfo t, long setId) throws SQLException {
        {
            PreparedStatement ps = stmt("UPDATE ga_interval_set SET superseded_at = ? WHERE id = ?");
            ps.setLong(1, now);
            ps.setLong(2, setId);
            ps.executeUpdate();
        }
        {
            PreparedStatement ps = stmt("UPDATE " + q(t.sqlTable()) + " SET superseded_at = ? WHERE set_id = ?");
            ps.setLong(1, now);
            ps.setLong(2, setId);
            ps.executeUpdate();
        }
        {
            PreparedStatement ps = stmt("UPDATE " + q(t.chunkTable()) + " SET superseded_at = ? WHERE set_id = ?");
            ps.setLong(1, now);
            ps.setLong(2, setId);
            ps.executeUpdate();
        }
    }

    @Override
    protected List<IntervalRow> readSetRows(TableInfo t, long setId) throws SQLException {
        List<IntervalRow> rows = new ArrayList<>();
        {
            PreparedStatement ps = stmt("SELECT * FROM " + q(t.sqlTable())
                + " WHERE set_id = ? ORDER BY depth_from, fid");
            ps.setLong(1, setId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> vals = new ArrayList<>();
                    for (Column c : t.columns()) {
                        vals.add(readValue(rs, c));
                    }
                    rows.add(new IntervalRow(rs.getDouble("depth_from"), rs.getDouble("depth_to"), vals));
                }
            }
        }
        return rows;
    }

    /** Creates or extends the SQL table of an interval table; maps the batch's column order to the table's. */
    @Override
    protected TableInfo ensureTable(String name, List<Column> batchColumns) throws SQLException {
        checkNames(name, batchColumns);
        TableInfo existing = store.findTable(name);
        if (existing == null) {
            checkCaseClash(name);
            String sqlTable = "intervals_" + name.toLowerCase(Locale.ROOT);
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(sqlTable))
                    .append(" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, set_id INTEGER NOT NULL "
                            + "REFERENCES ga_interval_set(id), hole_id TEXT NOT NULL, depth_from REAL NOT NULL, "
                            + "depth_to REAL NOT NULL");
            for (String pc : POSITION_COLUMNS) {
                ddl.append(", ").append(pc).append(" REAL NOT NULL");
            }
            ddl.append(", ").append(Schema.TIMES).append(")");
            try (Statement s = conn.createStatement()) {
                s.execute(ddl.toString());
                s.execute("CREATE INDEX " + q(sqlTable + "_set") + " ON " + q(sqlTable) + " (set_id)");
                String chunks = "chunks_" + sqlTable.substring("intervals_".length());
                s.execute("CREATE TABLE " + q(chunks) + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, set_id INTEGER NOT NULL "
                        + "REFERENCES ga_interval_set(id), hole_id TEXT NOT NULL, seq INTEGER NOT NULL, "
                        + "first_from REAL NOT NULL, n_rows INTEGER NOT NULL, data BLOB NOT NULL, " + Schema.TIMES + ")");
                s.execute("CREATE INDEX " + q(chunks + "_set") + " ON " + q(chunks) + " (set_id)");
                s.execute("CREATE VIRTUAL TABLE " + q("ga_rtree_" + chunks) + " USING rtree(id, minx, maxx, miny, maxy, "
                        + "minz, maxz)");
            }
            {
                PreparedStatement ps = stmt("INSERT INTO ga_interval_table VALUES (?, ?)");
                ps.setString(1, name);
                ps.setString(2, sqlTable);
                ps.executeUpdate();
            }
            registerFeatures(conn, sqlTable, "LINESTRING", srsId, "interval table " + name + " (from-mid-to lines)");
            existing = new TableInfo(name, sqlTable, List.of(), new int[0]);
        }
        List<Column> cols = new ArrayList<>(existing.columns());
        for (Column c : newColumns(name, existing.columns(), batchColumns)) {
            try (Statement s = conn.createStatement()) {
                s.execute("ALTER TABLE " + q(existing.sqlTable()) + " ADD COLUMN " + q(c.name()) + " "
                        + (c.type() == ColumnType.NUMBER ? "REAL" : "TEXT"));
            }
            PreparedStatement ps = stmt("INSERT INTO ga_interval_column VALUES (?, ?, ?, ?)");
            ps.setString(1, name);
            ps.setInt(2, cols.size());
            ps.setString(3, c.name());
            ps.setString(4, c.type().name());
            ps.executeUpdate();
            cols.add(c);
        }
        return new TableInfo(name, existing.sqlTable(), cols, batchIndex(cols, batchColumns));
    }

    private Map<String, Object> timesOverride(long validFrom, long validTo) {
        Map<String, Object> m = new HashMap<>();
        m.put("valid_from", validFrom);
        m.put("valid_to", validTo);
        m.put("recorded_at", now);
        m.put("superseded_at", OPEN);
        return m;
    }

    /** Statements of an ingest return generated keys. */
    @Override
    protected PreparedStatement prepare(String sql) throws SQLException {
        return conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    @Override
    protected List<String> intervalTables() {
        return store.intervalTables();
    }

    @Override
    protected TableInfo table(String name) {
        return store.tableInfo(name);
    }

    @Override
    protected List<Version> currentHoleVersions(String holeId) throws SQLException {
        return currentVersions("boreholes", "hole_id = ?", holeId);
    }

    @Override
    protected List<Version> currentSets(TableInfo t, String holeId) throws SQLException {
        return currentVersions("ga_interval_set", "table_name = ? AND hole_id = ?", t.name(), holeId);
    }

    private List<Version> currentVersions(String table, String where, String... args) throws SQLException {
        String idCol = table.equals("boreholes") ? "fid" : "id";
        List<Version> out = new ArrayList<>();
        {
            PreparedStatement ps = stmt("SELECT " + idCol + ", valid_from, valid_to, content_hash FROM "
                + table + " WHERE " + where + " AND superseded_at = " + OPEN + " ORDER BY valid_from");
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /**
     * R*Tree entries of a trace: pieces of at most {@link #TRACE_PIECE_LENGTH} metres along the polyline (a piece
     * has at least one segment), with ids {@code traceId << TRACE_PIECE_BITS | piece}.
     */
    static void addTracePieces(BoxBuffer buffer, long traceId, double[] line) {
        int n = line.length / 3;
        if (n == 1) {
            buffer.add(traceId << TRACE_PIECE_BITS, line, 1);
            return;
        }
        int piece = 0;
        int start = 0;
        while (start < n - 1) {
            int end = start + 1;
            double length = segmentLength(line, start);
            while (end < n - 1 && (length + segmentLength(line, end) <= TRACE_PIECE_LENGTH
                    || piece == (1 << TRACE_PIECE_BITS) - 1)) {
                length += segmentLength(line, end);
                end++;
            }
            buffer.add(traceId << TRACE_PIECE_BITS | piece,
                    java.util.Arrays.copyOfRange(line, 3 * start, 3 * end + 3), end - start + 1);
            piece++;
            start = end;
        }
    }

    private static double segmentLength(double[] line, int i) {
        double dx = line[3 * i + 3] - line[3 * i];
        double dy = line[3 * i + 4] - line[3 * i + 1];
        double dz = line[3 * i + 5] - line[3 * i + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Copies a row of {@code table} with some columns overridden; returns the new fid/id. */
    private long copyRow(String table, long id, Map<String, Object> overrides) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + q(table) + ")")) {
            while (rs.next()) {
                cols.add(rs.getString("name"));
            }
        }
        String idCol = table.equals("ga_interval_set") ? "id" : "fid";
        StringBuilder names = new StringBuilder();
        StringBuilder select = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String c : cols) {
            if (c.equals(idCol)) {
                continue;
            }
            if (names.length() > 0) {
                names.append(", ");
                select.append(", ");
            }
            names.append(q(c));
            if (overrides.containsKey(c)) {
                select.append("?");
                params.add(overrides.get(c));
            } else {
                select.append(q(c));
            }
        }
        {
            PreparedStatement ps = stmt("INSERT INTO " + q(table) + " (" + names + ") SELECT " + select
                + " FROM " + q(table) + " WHERE " + idCol + " = ?");
            int k = 1;
            for (Object p : params) {
                ps.setObject(k++, p);
            }
            ps.setLong(k, id);
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    private void copyBox(String rtree, long from, long to) throws SQLException {
        {
            PreparedStatement ps = stmt("INSERT INTO " + q(rtree)
                + " SELECT ?, minx, maxx, miny, maxy, minz, maxz FROM " + q(rtree) + " WHERE id = ?");
            ps.setLong(1, to);
            ps.setLong(2, from);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("R*Tree " + rtree + " has no entry " + from + " to copy");
            }
        }
    }

    private List<Long> ids(String sql, long arg) throws SQLException {
        List<Long> out = new ArrayList<>();
        {
            PreparedStatement ps = stmt(sql);
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
