package org.geoassure.postgis.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.postgis.internal.PgStore.q;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.store.WorkspaceStore.WriteProgress;
import org.geoassure.geodb.store.internal.Bitemporal.Version;
import org.geoassure.geodb.store.internal.BitemporalWriter;
import org.geoassure.geodb.store.internal.PreparedHole;
import org.geoassure.postgis.internal.PgStore.TableInfo;

/**
 * One ingest transaction of the PostGIS engine: the SQL of geodb's {@link BitemporalWriter}, which applies the
 * bitemporal rules for both engines (the derived numbers are {@link PreparedHole}'s). The caller
 * ({@link PgStore#ingest}) owns the transaction and the writer lock. Internal.
 */
final class PgIngest extends BitemporalWriter<TableInfo> {
    private static final String[] POSITION_COLUMNS = {"x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
        "x_mid", "y_mid", "z_mid"};
    private static final String TIMES = "valid_from, valid_to, recorded_at, superseded_at";
    /** PostgreSQL truncates identifiers longer than this many bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final PgStore store;
    private final Connection conn;
    private final int srid;
    private final long ingestId;

    PgIngest(PgStore store, long ingestId, long now, WriteProgress progress) {
        super(now, progress);
        this.store = store;
        this.conn = store.connection();
        this.srid = store.srid();
        this.ingestId = ingestId;
    }

    /** The ingest id was taken under the writer lock ({@link PgStore#ingest}): no gaps after a rollback. */
    @Override
    protected long insertIngest(DrillholeBatch batch) throws SQLException {
        PreparedStatement ps = stmt("INSERT INTO ga_ingest (id, recorded_at, kind, user_name, holes_new, holes_changed, "
                + "holes_unchanged, interval_rows) VALUES (?, ?, 'drillholes', ?, 0, 0, 0, 0)");
        ps.setLong(1, ingestId);
        ps.setLong(2, now);
        ps.setString(3, batch.provenance().user());
        ps.executeUpdate();
        return ingestId;
    }

    @Override
    protected double storedEndDepth(String holeId) throws SQLException {
        double end = 0;
        for (String name : store.intervalTables()) {
            TableInfo t = store.tableInfo(name);
            PreparedStatement ps = stmt("SELECT max(depth_to) FROM " + q(t.sqlTable()) + " WHERE hole_id = ? "
                    + "AND superseded_at = " + OPEN);
            ps.setString(1, holeId);
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
    @Override
    protected void copyHoleVersion(long oldId, long validFrom, long validTo) throws SQLException {
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

    @Override
    protected void supersedeHoleVersion(long id) throws SQLException {
        for (String t : List.of("boreholes", "surveys", "traces")) {
            String key = t.equals("boreholes") ? "fid" : "hole_version";
            PreparedStatement ps = stmt("UPDATE " + t + " SET superseded_at = ? WHERE " + key + " = ?");
            ps.setLong(1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    @Override
    protected void insertSet(long ingestId, TableInfo t, String holeId, long holeVersion, String hash,
            List<IntervalRow> rows, double[] pos, long valid) throws SQLException {
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
                Object v = value(r, t.batchIndex(), c);
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

    @Override
    protected void copySet(TableInfo t, long oldSet, long validFrom, long validTo) throws SQLException {
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

    @Override
    protected void supersedeSet(TableInfo t, long setId) throws SQLException {
        for (String sql : List.of("UPDATE ga_interval_set SET superseded_at = ? WHERE id = ?",
                "UPDATE " + q(t.sqlTable()) + " SET superseded_at = ? WHERE set_id = ?")) {
            PreparedStatement ps = stmt(sql);
            ps.setLong(1, now);
            ps.setLong(2, setId);
            ps.executeUpdate();
        }
    }

    @Override
    protected List<IntervalRow> readSetRows(TableInfo t, long setId) throws SQLException {
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
    @Override
    protected TableInfo ensureTable(String name, List<Column> batchColumns) throws SQLException {
        checkNames(name, batchColumns);
        TableInfo existing = store.findTable(name);
        if (existing == null) {
            checkCaseClash(name);
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
        for (Column c : newColumns(name, existing.columns(), batchColumns)) {
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
        }
        return new TableInfo(name, existing.sqlTable(), cols, sqlCols, batchIndex(cols, batchColumns));
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
        return currentVersions("SELECT fid, valid_from, valid_to, content_hash FROM boreholes WHERE hole_id = ? "
                + "AND superseded_at = " + OPEN + " ORDER BY valid_from", holeId);
    }

    @Override
    protected List<Version> currentSets(TableInfo t, String holeId) throws SQLException {
        return currentVersions("SELECT id, valid_from, valid_to, content_hash FROM ga_interval_set WHERE table_name = ? "
                + "AND hole_id = ? AND superseded_at = " + OPEN + " ORDER BY valid_from", t.name(), holeId);
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

    @Override
    protected PreparedStatement prepare(String sql) throws SQLException {
        return conn.prepareStatement(sql);
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
