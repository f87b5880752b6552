package org.geoassure.postgis.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.geodb.store.internal.Bitemporal.instant;
import static org.geoassure.geodb.store.internal.Bitemporal.micros;
import static org.geoassure.geodb.store.internal.Bitemporal.unchanged;
import static org.geoassure.geodb.store.internal.Bitemporal.validFor;
import static org.geoassure.geodb.store.internal.Bitemporal.versionAt;
import static org.geoassure.postgis.internal.PgStore.q;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.store.WorkspaceStore.WriteProgress;
import org.geoassure.geodb.store.internal.Bitemporal;
import org.geoassure.geodb.store.internal.Bitemporal.Version;
import org.geoassure.geodb.store.internal.PreparedHole;
import org.geoassure.postgis.internal.PgStore.TableInfo;

/**
 * One ingest transaction of the PostGIS engine. The versioning decisions are {@link Bitemporal}'s (shared with the
 * embedded engine) and the derived numbers {@link PreparedHole}'s; this class supplies the SQL. The caller
 * ({@link PgStore#ingest}) owns the transaction and the writer lock. Internal.
 */
final class PgIngest implements AutoCloseable {
    private static final String[] POSITION_COLUMNS = {"x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
        "x_mid", "y_mid", "z_mid"};
    private static final String TIMES = "valid_from, valid_to, recorded_at, superseded_at";
    /** PostgreSQL truncates identifiers longer than this many bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final PgStore store;
    private final Connection conn;
    private final int srid;
    private final long ingestId;
    private final long now;
    private final WriteProgress progress;
    private int holesNew;
    private int holesChanged;
    private int holesUnchanged;
    private long intervalRows;
    private final Map<String, TableInfo> tables = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    PgIngest(PgStore store, long ingestId, long now, WriteProgress progress) {
        this.store = store;
        this.conn = store.connection();
        this.srid = store.srid();
        this.ingestId = ingestId;
        this.now = now;
        this.progress = progress;
    }

    @Override
    public void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing a statement of a finished transaction: nothing to keep
            }
        }
        statements.clear();
    }

    IngestRecord write(DrillholeBatch batch) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (HoleData h : batch.holes()) {
            if (!seen.add(h.holeId())) {
                throw new InvalidContentException("batch: hole '" + h.holeId() + "' appears more than once");
            }
        }
        insertIngest(batch);
        for (var e : batch.intervalSchemas().entrySet()) {
            tables.put(e.getKey(), ensureTable(e.getKey(), e.getValue()));
        }
        int done = 0;
        int total = batch.holes().size();
        for (HoleData hole : batch.holes()) {
            Instant explicit = hole.validFrom() != null ? hole.validFrom() : batch.validFrom();
            writeHole(hole, batch.method(), explicit == null ? null : micros(explicit), batch);
            if (++done % 256 == 0 || done == total) {
                progress.written(done, total);
            }
        }
        PreparedStatement ps = stmt("UPDATE ga_ingest SET holes_new = ?, holes_changed = ?, holes_unchanged = ?, "
                + "interval_rows = ? WHERE id = ?");
        ps.setInt(1, holesNew);
        ps.setInt(2, holesChanged);
        ps.setInt(3, holesUnchanged);
        ps.setLong(4, intervalRows);
        ps.setLong(5, ingestId);
        ps.executeUpdate();
        return new IngestRecord(ingestId, instant(now), "drillholes", batch.provenance(), holesNew, holesChanged,
                holesUnchanged, intervalRows);
    }

    private void insertIngest(DrillholeBatch batch) throws SQLException {
        Provenance p = batch.provenance();
        PreparedStatement ps = stmt("INSERT INTO ga_ingest (id, recorded_at, kind, user_name, holes_new, holes_changed, "
                + "holes_unchanged, interval_rows) VALUES (?, ?, 'drillholes', ?, 0, 0, 0, 0)");
        ps.setLong(1, ingestId);
        ps.setLong(2, now);
        ps.setString(3, p.user());
        ps.executeUpdate();
        ps = stmt("INSERT INTO ga_ingest_source VALUES (?, ?, ?, ?, ?, ?)");
        int seq = 0;
        for (SourceFile f : p.sources()) {
            ps.setLong(1, ingestId);
            ps.setInt(2, seq++);
            ps.setString(3, f.role());
            ps.setString(4, f.name());
            ps.setString(5, f.sha256());
            ps.setLong(6, f.rows());
            ps.addBatch();
        }
        ps.executeBatch();
        Map<String, String> params = new TreeMap<>(p.parameters());
        params.put("desurvey_method", batch.method().label());
        ps = stmt("INSERT INTO ga_ingest_parameter VALUES (?, ?, ?)");
        for (var e : params.entrySet()) {
            ps.setLong(1, ingestId);
            ps.setString(2, e.getKey());
            ps.setString(3, e.getValue());
            ps.addBatch();
        }
        ps.executeBatch();
        ps = stmt("INSERT INTO ga_ingest_warning VALUES (?, ?, ?)");
        seq = 0;
        for (String w : p.warnings()) {
            ps.setLong(1, ingestId);
            ps.setInt(2, seq++);
            ps.setString(3, w);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /**
     * Writes one hole. Without an explicit valid time a change is a correction: it applies from the valid start of
     * the state it corrects (or from the record time for a new hole).
     */
    private void writeHole(HoleData hole, DesurveyMethod method, Long explicitValid, DrillholeBatch batch)
            throws SQLException {
        PreparedHole prepared = PreparedHole.of(hole.collar(), hole.survey(), method);
        String hash = prepared.contentHash();
        List<Version> current = currentVersions("SELECT fid, valid_from, valid_to, content_hash FROM boreholes "
                + "WHERE hole_id = ? AND superseded_at = " + OPEN + " ORDER BY valid_from", hole.holeId());
        long valid = validFor(explicitValid, current, now);
        Version at = versionAt(current, valid);
        long holeVersion;
        boolean traceChanged;
        if (unchanged(at, hash)) {
            holesUnchanged++;
            holeVersion = at.id();
            traceChanged = false;
        } else {
            if (current.isEmpty()) {
                holesNew++;
            } else {
                holesChanged++;
                Bitemporal.split(current, valid, new Bitemporal.Splitter() {
                    @Override
                    public void supersede(long id) throws SQLException {
                        supersedeHoleVersion(id);
                    }

                    @Override
                    public void copy(long id, long validFrom, long validTo) throws SQLException {
                        copyHoleVersion(id, validFrom, validTo);
                    }
                });
            }
            double end = endDepth(hole, !current.isEmpty());
            holeVersion = insertHoleVersion(prepared, hash, end, valid);
            traceChanged = !current.isEmpty();
        }
        for (var e : batch.intervalSchemas().entrySet()) {
            List<IntervalRow> rows = hole.intervals().get(e.getKey());
            if (rows != null) {
                writeIntervalSet(tables.get(e.getKey()), hole.holeId(), holeVersion, prepared, rows, explicitValid, valid);
            }
        }
        if (traceChanged) {
            rederiveOtherTables(hole, holeVersion, prepared, explicitValid, valid);
        }
    }

    /** Trace end: the batch's deepest depth, or a stored current interval bottom of a known hole if deeper. */
    private double endDepth(HoleData hole, boolean known) throws SQLException {
        double end = Bitemporal.batchEndDepth(hole);
        for (String name : known ? store.intervalTables() : List.<String>of()) {
            TableInfo t = store.tableInfo(name);
            PreparedStatement ps = stmt("SELECT max(depth_to) FROM " + q(t.sqlTable()) + " WHERE hole_id = ? "
                    + "AND superseded_at = " + OPEN);
            ps.setString(1, hole.holeId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    end = Math.max(end, rs.getDouble(1));
                }
            }
        }
        return end;
    }

    private long insertHoleVersion(PreparedHole p, String hash, double endDepth, long valid) throws SQLException {
        Collar c = p.collar();
        PreparedStatement ps = stmt("INSERT INTO boreholes (geom, hole_id, x, y, z, total_depth, azimuth, dip, "
                + "desurvey_method, content_hash, end_depth, ingest_id, " + TIMES + ") VALUES (ST_GeomFromWKB(?, "
                + srid + "), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING fid");
        ps.setBytes(1, Wkb.pointZ(c.x(), c.y(), c.z()));
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
        setTimes(ps, 13, valid);
        long id = returning(ps);
        double[] pos = p.stationPositions();
        ps = stmt("INSERT INTO surveys (hole_version, hole_id, seq, depth, azimuth, dip, x, y, z, " + TIMES
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
            setTimes(ps, 10, valid);
            ps.addBatch();
        }
        ps.executeBatch();
        double[] line = p.polyline(endDepth);
        ps = stmt("INSERT INTO traces (geom, hole_version, hole_id, n_points, " + TIMES + ") VALUES (ST_GeomFromWKB(?, "
                + srid + "), ?, ?, ?, ?, ?, ?, ?)");
        ps.setBytes(1, Wkb.lineStringZ(line));
        ps.setLong(2, id);
        ps.setString(3, c.holeId());
        ps.setInt(4, line.length / 3);
        setTimes(ps, 5, valid);
        ps.executeUpdate();
        return id;
    }

    private static final String BOREHOLE_COLUMNS = "geom, hole_id, x, y, z, total_depth, azimuth, dip, "
            + "desurvey_method, content_hash, end_depth, ingest_id";
    private static final String SURVEY_COLUMNS = "hole_id, seq, depth, azimuth, dip, x, y, z";
    private static final String TRACE_COLUMNS = "geom, hole_id, n_points";

    /** Re-records a hole version, its stations and trace with valid period [validFrom, validTo) at this record time. */
    private void copyHoleVersion(long oldId, long validFrom, long validTo) throws SQLException {
        PreparedStatement ps = stmt("INSERT INTO boreholes (" + BOREHOLE_COLUMNS + ", " + TIMES + ") SELECT "
                + BOREHOLE_COLUMNS + ", ?, ?, ?, ? FROM boreholes WHERE fid = ? RETURNING fid");
        setTimes(ps, 1, validFrom, validTo);
        ps.setLong(5, oldId);
        long newId = returning(ps);
        for (String[] child : new String[][] {{"surveys", SURVEY_COLUMNS}, {"traces", TRACE_COLUMNS}}) {
            ps = stmt("INSERT INTO " + child[0] + " (hole_version, " + child[1] + ", " + TIMES + ") SELECT ?, "
                    + child[1] + ", ?, ?, ?, ? FROM " + child[0] + " WHERE hole_version = ? ORDER BY fid");
            ps.setLong(1, newId);
            setTimes(ps, 2, validFrom, validTo);
            ps.setLong(6, oldId);
            ps.executeUpdate();
        }
    }

    private void supersedeHoleVersion(long id) throws SQLException {
        for (String t : List.of("boreholes", "surveys", "traces")) {
            String key = t.equals("boreholes") ? "fid" : "hole_version";
            PreparedStatement ps = stmt("UPDATE " + t + " SET superseded_at = ? WHERE " + key + " = ?");
            ps.setLong(1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private void writeIntervalSet(TableInfo t, String holeId, long holeVersion, PreparedHole prepared,
            List<IntervalRow> rows, Long explicitValid, long holeValid) throws SQLException {
        double[] pos = prepared.intervalPositions(rows);
        String hash = PreparedHole.intervalSetHash(rows, pos);
        List<Version> current = currentVersions("SELECT id, valid_from, valid_to, content_hash FROM ga_interval_set "
                + "WHERE table_name = ? AND hole_id = ? AND superseded_at = " + OPEN + " ORDER BY valid_from",
                t.name(), holeId);
        long valid = validFor(explicitValid, current, holeValid);
        Version at = versionAt(current, valid);
        if (unchanged(at, hash)) {
            return;
        }
        Bitemporal.split(current, valid, new Bitemporal.Splitter() {
            @Override
            public void supersede(long id) throws SQLException {
                supersedeIntervalSet(t, id);
            }

            @Override
            public void copy(long id, long validFrom, long validTo) throws SQLException {
                copyIntervalSet(t, id, validFrom, validTo);
            }
        });
        PreparedStatement ps = stmt("INSERT INTO ga_interval_set (table_name, hole_id, hole_version, content_hash, "
                + "n_rows, ingest_id, " + TIMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        ps.setString(1, t.name());
        ps.setString(2, holeId);
        ps.setLong(3, holeVersion);
        ps.setString(4, hash);
        ps.setInt(5, rows.size());
        ps.setLong(6, ingestId);
        setTimes(ps, 7, valid);
        long setId = returning(ps);
        StringBuilder cols = new StringBuilder("geom, set_id, hole_id, depth_from, depth_to");
        for (String pc : POSITION_COLUMNS) {
            cols.append(", ").append(pc);
        }
        cols.append(", ").append(TIMES);
        for (String c : t.sqlColumns()) {
            cols.append(", ").append(q(c));
        }
        int nParams = 4 + 9 + 4 + t.columns().size();
        ps = stmt("INSERT INTO " + q(t.sqlTable()) + " (" + cols + ") VALUES (ST_GeomFromWKB(?, " + srid + "), "
                + "?, ".repeat(nParams - 1) + "?)");
        double[] line = new double[9];
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow r = rows.get(i);
            PreparedHole.intervalLine(pos, i, line);
            ps.setBytes(1, Wkb.lineStringZ(line));
            ps.setLong(2, setId);
            ps.setString(3, holeId);
            ps.setDouble(4, r.from());
            ps.setDouble(5, r.to());
            for (int k = 0; k < 9; k++) {
                ps.setDouble(6 + k, pos[9 * i + k]);
            }
            setTimes(ps, 15, valid);
            int k = 19;
            for (int c = 0; c < t.columns().size(); c++) {
                int inputIndex = t.batchIndex()[c];
                Object v = inputIndex < 0 || inputIndex >= r.values().size() ? null : r.values().get(inputIndex);
                if (v == null) {
                    ps.setNull(k++, t.columns().get(c).type() == ColumnType.NUMBER ? Types.DOUBLE : Types.VARCHAR);
                } else if (t.columns().get(c).type() == ColumnType.NUMBER) {
                    ps.setDouble(k++, ((Number) v).doubleValue());
                } else {
                    ps.setString(k++, v.toString());
                }
            }
            ps.addBatch();
        }
        ps.executeBatch();
        intervalRows += rows.size();
    }

    private String intervalCopyColumns(TableInfo t) {
        StringBuilder cols = new StringBuilder("geom, hole_id, depth_from, depth_to");
        for (String pc : POSITION_COLUMNS) {
            cols.append(", ").append(pc);
        }
        for (String c : t.sqlColumns()) {
            cols.append(", ").append(q(c));
        }
        return cols.toString();
    }

    private void copyIntervalSet(TableInfo t, long oldSet, long validFrom, long validTo) throws SQLException {
        PreparedStatement ps = stmt("INSERT INTO ga_interval_set (table_name, hole_id, hole_version, content_hash, "
                + "n_rows, ingest_id, " + TIMES + ") SELECT table_name, hole_id, hole_version, content_hash, n_rows, "
                + "ingest_id, ?, ?, ?, ? FROM ga_interval_set WHERE id = ? RETURNING id");
        setTimes(ps, 1, validFrom, validTo);
        ps.setLong(5, oldSet);
        long newSet = returning(ps);
        String cols = intervalCopyColumns(t);
        ps = stmt("INSERT INTO " + q(t.sqlTable()) + " (set_id, " + cols + ", " + TIMES + ") SELECT ?, " + cols
                + ", ?, ?, ?, ? FROM " + q(t.sqlTable()) + " WHERE set_id = ? ORDER BY fid");
        ps.setLong(1, newSet);
        setTimes(ps, 2, validFrom, validTo);
        ps.setLong(6, oldSet);
        ps.executeUpdate();
    }

    private void supersedeIntervalSet(TableInfo t, long setId) throws SQLException {
        for (String sql : List.of("UPDATE ga_interval_set SET superseded_at = ? WHERE id = ?",
                "UPDATE " + q(t.sqlTable()) + " SET superseded_at = ? WHERE set_id = ?")) {
            PreparedStatement ps = stmt(sql);
            ps.setLong(1, now);
            ps.setLong(2, setId);
            ps.executeUpdate();
        }
    }

    /** A hole's trace changed: re-derive positions of its current interval rows in tables this batch left alone. */
    private void rederiveOtherTables(HoleData hole, long holeVersion, PreparedHole prepared, Long explicitValid,
            long valid) throws SQLException {
        for (String name : store.intervalTables()) {
            if (hole.intervals().containsKey(name)) {
                continue;
            }
            TableInfo t = store.tableInfo(name);
            List<Version> current = currentVersions("SELECT id, valid_from, valid_to, content_hash FROM ga_interval_set "
                    + "WHERE table_name = ? AND hole_id = ? AND superseded_at = " + OPEN + " ORDER BY valid_from",
                    name, hole.holeId());
            Version at = versionAt(current, valid);
            if (at == null) {
                continue;
            }
            writeIntervalSet(t, hole.holeId(), holeVersion, prepared, readSetRows(t, at.id()), explicitValid, valid);
        }
    }

    private List<IntervalRow> readSetRows(TableInfo t, long setId) throws SQLException {
        List<IntervalRow> rows = new ArrayList<>();
        StringBuilder cols = new StringBuilder("depth_from, depth_to");
        for (String c : t.sqlColumns()) {
            cols.append(", ").append(q(c));
        }
        PreparedStatement ps = stmt("SELECT " + cols + " FROM " + q(t.sqlTable()) + " WHERE set_id = ? "
                + "ORDER BY depth_from, fid");
        ps.setLong(1, setId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> vals = new ArrayList<>();
                for (int c = 0; c < t.columns().size(); c++) {
                    vals.add(PgStore.value(rs.getObject(3 + c), t.columns().get(c)));
                }
                rows.add(new IntervalRow(rs.getDouble(1), rs.getDouble(2), vals));
            }
        }
        return rows;
    }

    /** Creates or extends the SQL table of an interval table; maps the batch's column order to the table's. */
    private TableInfo ensureTable(String name, List<Column> batchColumns) throws SQLException {
        if (!Column.isValidName(name)) {
            throw new InvalidContentException("interval table name '" + name
                    + "': use letters, digits and underscore, starting with a letter");
        }
        for (Column c : batchColumns) {
            if (Column.RESERVED_NAMES.contains(c.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidContentException("interval table " + name + ": column name '" + c.name()
                        + "' is reserved; rename it in the mapping");
            }
        }
        TableInfo existing = store.findTable(name);
        if (existing == null) {
            for (String other : store.intervalTables()) {
                if (other.equalsIgnoreCase(name)) {
                    throw new InvalidContentException("interval table '" + name + "' differs only in case from existing '"
                            + other + "'");
                }
            }
            String sqlTable = sqlTableName(name);
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(sqlTable))
                    .append(" (fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, geom geometry(LineStringZ, ")
                    .append(srid).append(") NOT NULL, set_id bigint NOT NULL REFERENCES ga_interval_set(id), ")
                    .append("hole_id text COLLATE \"C\" NOT NULL, depth_from double precision NOT NULL, ")
                    .append("depth_to double precision NOT NULL");
            for (String pc : POSITION_COLUMNS) {
                ddl.append(", ").append(pc).append(" double precision NOT NULL");
            }
            ddl.append(", valid_from bigint NOT NULL, valid_to bigint NOT NULL, recorded_at bigint NOT NULL, ")
                    .append("superseded_at bigint NOT NULL)");
            try (Statement s = conn.createStatement()) {
                s.execute(ddl.toString());
                s.execute("CREATE INDEX ON " + q(sqlTable) + " (set_id)");
                s.execute("CREATE INDEX ON " + q(sqlTable) + " (hole_id, depth_from)");
                s.execute("CREATE INDEX ON " + q(sqlTable) + " USING gist (geom gist_geometry_ops_nd)");
            }
            PreparedStatement ps = stmt("INSERT INTO ga_interval_table VALUES (?, ?)");
            ps.setString(1, name);
            ps.setString(2, sqlTable);
            ps.executeUpdate();
            existing = new TableInfo(name, sqlTable, List.of(), List.of(), new int[0]);
        }
        List<Column> cols = new ArrayList<>(existing.columns());
        List<String> sqlCols = new ArrayList<>(existing.sqlColumns());
        for (Column c : batchColumns) {
            Column have = null;
            for (Column e : cols) {
                if (e.name().equalsIgnoreCase(c.name())) {
                    have = e;
                }
            }
            if (have == null) {
                String sqlName = c.name().getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES
                        ? c.name() : "col_" + cols.size();
                try (Statement s = conn.createStatement()) {
                    s.execute("ALTER TABLE " + q(existing.sqlTable()) + " ADD COLUMN " + q(sqlName) + " "
                            + (c.type() == ColumnType.NUMBER ? "double precision" : "text COLLATE \"C\""));
                }
                PreparedStatement ps = stmt("INSERT INTO ga_interval_column VALUES (?, ?, ?, ?, ?)");
                ps.setString(1, name);
                ps.setInt(2, cols.size());
                ps.setString(3, c.name());
                ps.setString(4, sqlName);
                ps.setString(5, c.type().name());
                ps.executeUpdate();
                cols.add(c);
                sqlCols.add(sqlName);
            } else if (have.type() == ColumnType.NUMBER && c.type() == ColumnType.TEXT) {
                throw new InvalidContentException("interval table " + name + ": column " + c.name()
                        + " is numeric in the workspace but the input has text values");
            }
        }
        int[] map = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            map[i] = -1;
            for (int j = 0; j < batchColumns.size(); j++) {
                if (batchColumns.get(j).name().equalsIgnoreCase(cols.get(i).name())) {
                    map[i] = j;
                }
            }
        }
        return new TableInfo(name, existing.sqlTable(), cols, sqlCols, map);
    }

    /** {@code intervals_<name in lower case>}, or a numbered name when that exceeds PostgreSQL's identifier length. */
    private String sqlTableName(String name) throws SQLException {
        String sqlTable = "intervals_" + name.toLowerCase(Locale.ROOT);
        if (sqlTable.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return sqlTable;
        }
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM ga_interval_table")) {
            rs.next();
            return "intervals_t" + (rs.getLong(1) + 1);
        }
    }

    private List<Version> currentVersions(String sql, String... args) throws SQLException {
        List<Version> out = new ArrayList<>();
        PreparedStatement ps = stmt(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setString(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

    private PreparedStatement stmt(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private static long returning(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Binds a new version's times: [valid, open) recorded now. */
    private void setTimes(PreparedStatement ps, int k, long valid) throws SQLException {
        setTimes(ps, k, valid, OPEN);
    }

    private void setTimes(PreparedStatement ps, int k, long validFrom, long validTo) throws SQLException {
        ps.setLong(k, validFrom);
        ps.setLong(k + 1, validTo);
        ps.setLong(k + 2, now);
        ps.setLong(k + 3, OPEN);
    }

    private static void setNullable(PreparedStatement ps, int k, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(k, Types.DOUBLE);
        } else {
            ps.setDouble(k, v);
        }
    }
}
