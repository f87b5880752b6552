package org.geoassure.postgis.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.micros;
import static org.geoassure.geodb.store.internal.Bitemporal.period;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.TraceRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.internal.BitemporalWriter;
import org.geoassure.geodb.store.internal.BlockTables;
import org.geoassure.geodb.store.internal.BrickCache;
import org.geoassure.geodb.store.internal.SqlBlockModelReads;
import org.geoassure.geodb.store.internal.FeatureTables;
import org.geoassure.geodb.store.internal.IntegrityCheck;
import org.geoassure.geodb.store.internal.LogTables;
import org.geoassure.geodb.store.internal.Predicates;
import org.geoassure.geodb.store.internal.SeriesTables;
import org.geoassure.geodb.store.internal.SqlFeatureReads;
import org.geoassure.geodb.store.internal.SqlSeriesReads;
import org.geoassure.geodb.store.internal.SqlWarningReads;
import org.geoassure.geodb.store.internal.StoreReads;
import org.geoassure.geodb.store.internal.WarningTables;

/**
 * The PostGIS engine: one workspace in one PostgreSQL schema. Reads here, writes in {@link PgIngest}. Spatial
 * selections take candidates from the n-D GiST indexes ({@code &&&} on the filter's search box, plus
 * {@code ST_3DDWithin} for distances, widened by a rounding margin) and refine them in double with the same arithmetic
 * as the embedded engine ({@link SpatialFilter#matches}), so both engines return the same rows. Internal: use
 * {@link org.geoassure.postgis.PostgisWorkspaces}.
 */
public final class PgStore implements WorkspaceStore, SqlFeatureReads, SqlSeriesReads,
        SqlBlockModelReads, SqlWarningReads, org.geoassure.geodb.store.internal.Transfer.Participant {
    private final Connection conn;
    private final String schema;
    private final WorkspaceInfo info;
    private final int srid;
    private final BrickCache brickCache = BrickCache.fromSystemProperty();
    private final PgFeatureSql featureSql;
    private long lastRecorded;

    private PgStore(Connection conn, String schema, WorkspaceInfo info) throws SQLException {
        this.conn = conn;
        this.schema = schema;
        this.info = info;
        this.srid = Crs.forCode(info.crs()).epsg();
        this.featureSql = new PgFeatureSql(srid);
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(recorded_at), 0) FROM ga_ingest")) {
            rs.next();
            lastRecorded = rs.getLong(1);
        }
    }

    /** Creates the workspace in a new schema (the schema must not exist, or be empty). */
    public static PgStore create(String url, Properties credentials, String schema, WorkspaceInfo info) {
        checkSchemaName(schema);
        Crs crs = Crs.forCode(info.crs());
        WorkspaceInfo canonical = new WorkspaceInfo(info.name(), crs.code(), info.verticalDatum(), "m", info.createdAt());
        Connection c = connect(url, credentials, schema);
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new InvalidContentException("schema " + schema + " already holds tables; choose a new "
                                + "workspace schema");
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + q(schema));
            }
            checkSrid(c, crs);
            PgSchema.migrate(c, crs.epsg());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_workspace VALUES (?, ?)")) {
                Map<String, String> kv = new LinkedHashMap<>();
                kv.put("name", canonical.name());
                kv.put("crs", canonical.crs());
                kv.put("vertical_datum", canonical.verticalDatum());
                kv.put("length_unit", "m");
                kv.put("created_at", canonical.createdAt().toString());
                for (var e : kv.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            return new PgStore(c, schema, canonical);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot create workspace in schema " + schema + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Opens the workspace in an existing schema, applying pending migrations first. */
    public static PgStore open(String url, Properties credentials, String schema) {
        checkSchemaName(schema);
        Connection c = connect(url, credentials, schema);
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = 'ga_workspace'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new InvalidContentException("schema " + schema + ": no GeoAssure workspace there "
                                + "(create one with 'geoassure init --store postgis')");
                    }
                }
            }
            Map<String, String> kv = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM ga_workspace")) {
                while (rs.next()) {
                    kv.put(rs.getString(1), rs.getString(2));
                }
            }
            WorkspaceInfo info = new WorkspaceInfo(kv.get("name"), kv.get("crs"), kv.get("vertical_datum"),
                    kv.get("length_unit"), Instant.parse(kv.get("created_at")));
            PgSchema.migrate(c, Crs.forCode(info.crs()).epsg());
            c.commit();
            c.setAutoCommit(true);
            return new PgStore(c, schema, info);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot open workspace in schema " + schema + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Drops a workspace schema and everything in it (for tests and {@code geoassure} maintenance). */
    public static void drop(String url, Properties credentials, String schema) {
        checkSchemaName(schema);
        Connection c = connect(url, credentials, schema);
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + q(schema) + " CASCADE");
        } catch (SQLException e) {
            throw new StorageException("cannot drop schema " + schema + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(c);
        }
    }

    private static void checkSchemaName(String schema) {
        if (!Column.isValidName(schema) || schema.startsWith("pg_") || schema.equalsIgnoreCase("public")) {
            throw new InvalidContentException("workspace schema '" + schema + "': use letters, digits and underscore, "
                    + "not starting with a digit or pg_, and not public");
        }
    }

    private static void checkSrid(Connection c, Crs crs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spatial_ref_sys WHERE srid = ?")) {
            ps.setInt(1, crs.epsg());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new InvalidContentException(crs.code() + " is not in this database's spatial_ref_sys; "
                            + "add it before creating the workspace");
                }
            }
        }
    }

    private static Connection connect(String url, Properties credentials, String schema) {
        try {
            Connection c = DriverManager.getConnection(url, credentials == null ? new Properties() : credentials);
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + q(schema) + ", public");
                s.execute("SET TIME ZONE 'UTC'");
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            return c;
        } catch (SQLException e) {
            throw new StorageException("cannot connect to " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL without its query string (which may hold a password). */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The workspace schema. */
    public String schema() {
        return schema;
    }

    int srid() {
        return srid;
    }

    Connection connection() {
        return conn;
    }

    @Override
    public WorkspaceInfo info() {
        return info;
    }

    // ------------------------------------------------------------------------------------------------ writes

    /**
     * One transaction per batch. {@code LOCK TABLE ga_ingest IN EXCLUSIVE MODE} serialises writers of the workspace
     * (readers are not blocked and see the batch only once it commits); record times and ingest ids are taken under
     * that lock, so they increase strictly and without gaps across every client.
     */
    @Override
    public IngestRecord ingest(DrillholeBatch batch, WriteProgress progress) {
        return locked((id, now) -> {
            try (PgIngest writer = new PgIngest(this, id, now, progress)) {
                return writer.write(batch);
            }
        });
    }

    /** Logs: one transaction, serialised with every other writer by the same lock as {@link #ingest}. */
    @Override
    public IngestRecord ingestLogs(List<LogData> logs, Provenance provenance) {
        return locked((id, now) -> LogTables.write(conn, id, now, logs, provenance));
    }

    /** Features: one transaction under the ingest lock, the embedded engine's rules and SQL ({@link FeatureTables}). */
    @Override
    public IngestRecord writeFeatures(String layer, List<FeatureWrite> features, Provenance provenance) {
        return locked((id, now) -> {
            IngestRecord r = FeatureTables.write(conn, featureSql, id, now, srid, layer, features, provenance);
            fillSurfaces();
            return r;
        });
    }

    /**
     * Gives every row with a mesh and no {@code surface} yet (new versions, and versions split from old ones) the
     * POLYHEDRALSURFACE Z of its triangles (migration V7), in the caller's transaction.
     */
    void fillSurfaces() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT fid, mesh FROM features WHERE mesh IS NOT NULL AND surface IS NULL");
                PreparedStatement ps = conn.prepareStatement("UPDATE features SET surface = ST_GeomFromWKB(?, " + srid
                        + ") WHERE fid = ?")) {
            while (rs.next()) {
                ps.setBytes(1, Wkb.polyhedralSurface(org.geoassure.geodb.store.internal.FeatureCodec.readMesh(
                        rs.getBytes(2))));
                ps.setLong(2, rs.getLong(1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public IngestRecord retireFeatures(String layer, java.util.Set<String> ids, Instant validTo, Provenance provenance) {
        return locked((id, now) -> {
            IngestRecord r = FeatureTables.retire(conn, featureSql, id, now, layer, ids, micros(validTo), provenance);
            fillSurfaces();
            return r;
        });
    }

    /** Stations: one transaction under the ingest lock, the embedded engine's rules and SQL ({@link SeriesTables}). */
    @Override
    public IngestRecord ingestStations(List<Station> stations, Provenance provenance) {
        return locked((id, now) -> SeriesTables.writeStations(conn, id, now, stations, provenance));
    }

    /** Readings: one transaction under the ingest lock, creating the yearly partitions they need first. */
    @Override
    public IngestRecord ingestReadings(List<Readings> batches, Provenance provenance) {
        return locked((id, now) -> {
            PgPartitions.ensure(conn, batches);
            return SeriesTables.writeReadings(conn, id, now, batches, provenance);
        });
    }

    /** This workspace as one side of a copy ({@link PgTransfer}); the store's cached record time follows an import. */
    @Override
    public org.geoassure.geodb.store.internal.Transfer.Endpoint transfer() {
        return new PgTransfer(this, "schema " + schema) {
            @Override
            public void finishImport() throws SQLException {
                super.finishImport();
                try (Statement s = conn.createStatement();
                        ResultSet rs = s.executeQuery("SELECT coalesce(max(recorded_at), 0) FROM ga_ingest")) {
                    rs.next();
                    lastRecorded = rs.getLong(1);
                }
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ block models

    /**
     * A model version in one transaction under the ingest lock, in the embedded engine's tables and SQL
     * ({@link BlockTables}); bricks are bytea rows, one per attribute and brick.
     */
    @Override
    public Version writeBlockModel(BrickSource data, String comment, Provenance provenance) {
        return locked((id, now) -> BlockTables.write(conn, id, now, data, comment, provenance));
    }

    // ------------------------------------------------------------------------------------------------ warnings

    /** Rule set versions and acknowledgements: each one ingest under the ingest lock, {@link WarningTables}' SQL. */
    @Override
    public RulesVersion writeRules(String json, String comment, Provenance provenance) {
        return locked((id, now) -> WarningTables.writeRules(conn, id, now, json, comment, provenance));
    }

    @Override
    public StoredAcknowledgement writeAcknowledgement(String alertId,
            org.geoassure.geodb.hazard.warning.Acknowledgement acknowledgement, Provenance provenance) {
        return locked((id, now) -> WarningTables.writeAcknowledgement(conn, id, now, alertId, acknowledgement,
                provenance));
    }

    /** A write under the ingest lock, given its ingest id and record time. */
    @FunctionalInterface
    private interface LockedWrite<T> {
        T run(long ingestId, long recordedAt) throws SQLException;
    }

    private <T> T locked(LockedWrite<T> work) {
        long[] recordedAt = new long[1];
        T rec = BitemporalWriter.inTransaction(conn, "schema " + schema, () -> {
            long last;
            long lastId;
            try (Statement s = conn.createStatement()) {
                s.execute("LOCK TABLE ga_ingest IN EXCLUSIVE MODE");
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(recorded_at), 0), coalesce(max(id), 0) "
                        + "FROM ga_ingest")) {
                    rs.next();
                    last = rs.getLong(1);
                    lastId = rs.getLong(2);
                }
            }
            recordedAt[0] = Math.max(micros(Instant.now()), Math.max(last, lastRecorded) + 1);
            return work.run(lastId + 1, recordedAt[0]);
        });
        lastRecorded = recordedAt[0];
        return rec;
    }

    // ------------------------------------------------------------------------------------------------ catalog

    /** An interval table: SQL table, columns with their SQL names, and the batch-to-table column mapping. */
    record TableInfo(String name, String sqlTable, List<Column> columns, List<String> sqlColumns, int[] batchIndex) {
        TableInfo withIdentityMapping() {
            int[] id = new int[columns.size()];
            for (int i = 0; i < id.length; i++) {
                id[i] = i;
            }
            return new TableInfo(name, sqlTable, columns, sqlColumns, id);
        }
    }

    TableInfo findTable(String name) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT sql_table FROM ga_interval_table WHERE name = ?")) {
            ps.setString(1, name);
            String sqlTable;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                sqlTable = rs.getString(1);
            }
            List<Column> cols = new ArrayList<>();
            List<String> sql = new ArrayList<>();
            try (PreparedStatement pc = conn.prepareStatement(
                    "SELECT name, type, sql_name FROM ga_interval_column WHERE table_name = ? ORDER BY seq")) {
                pc.setString(1, name);
                try (ResultSet rs = pc.executeQuery()) {
                    while (rs.next()) {
                        cols.add(new Column(rs.getString(1), ColumnType.valueOf(rs.getString(2))));
                        sql.add(rs.getString(3));
                    }
                }
            }
            return new TableInfo(name, sqlTable, cols, sql, new int[0]).withIdentityMapping();
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    TableInfo tableInfo(String name) {
        TableInfo t = findTable(name);
        if (t == null) {
            throw new InvalidContentException("table: no interval table '" + name + "' in this workspace (have "
                    + intervalTables() + ")");
        }
        return t;
    }

    @Override
    public List<String> intervalTables() {
        try {
            return StoreReads.strings(conn, "SELECT name FROM ga_interval_table ORDER BY name");
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    @Override
    public List<Column> intervalColumns(String table) {
        return tableInfo(table).columns();
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * "Now" for a time slice without instants: this machine's clock, but never before the newest record time in the
     * workspace, so that an ingest committed by a client whose clock runs ahead is current here too.
     */
    private long nowMicros() {
        long newest = lastRecorded;
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(recorded_at), 0) FROM ga_ingest")) {
            rs.next();
            newest = Math.max(newest, rs.getLong(1));
        } catch (SQLException e) {
            throw storage(e);
        }
        return Math.max(micros(Instant.now()), newest);
    }

    private String timeCondition(String alias, Selection s, List<Object> params) {
        return StoreReads.timeCondition(alias, s, nowMicros(), params);
    }

    private static String holeCondition(String alias, Selection s, List<Object> params) {
        return StoreReads.holeCondition(alias, s, params);
    }

    /**
     * Index condition of a spatial filter on {@code alias.geom}: {@code &&&} with the search box (n-D GiST), and for
     * distances also {@code ST_3DDWithin} with the distance widened by a rounding margin, so that the candidates are
     * always a superset of what the double-precision refine accepts.
     */
    private String spatialCondition(String alias, SpatialFilter f, List<Object> params) {
        String sql = " AND " + alias + ".geom &&& " + PgFeatureSql.box(f.searchBox(), srid, params);
        if (f instanceof SpatialFilter.NearPoint p) {
            params.add(p.x());
            params.add(p.y());
            params.add(p.z());
            params.add(margin(p.distance()));
            sql += " AND ST_3DDWithin(" + alias + ".geom, ST_SetSRID(ST_MakePoint(?, ?, ?), " + srid + "), ?)";
        } else if (f instanceof SpatialFilter.NearPolyline l) {
            params.add(Wkb.lineStringZ(l.line()));
            params.add(margin(l.distance()));
            sql += " AND ST_3DDWithin(" + alias + ".geom, ST_GeomFromWKB(?, " + srid + "), ?)";
        }
        return sql;
    }

    private static double margin(double distance) {
        return distance * (1 + 1e-9) + 1e-6;
    }

    private String accessOf(String index, String what) {
        return "GiST " + index + " (&&& box, ST_3DDWithin for distances), refine " + what + " in double";
    }

    @Override
    public Stream<HoleVersion> boreholes(Selection s, ScanStats stats) {
        if (!s.predicates().isEmpty()) {
            throw new InvalidContentException("where: attribute predicates apply to interval tables, not to boreholes");
        }
        List<Object> params = new ArrayList<>();
        String sql;
        SpatialFilter f = s.spatial().orElse(null);
        if (f != null) {
            sql = "SELECT b.*, ST_AsBinary(t.geom) AS coords, t.n_points FROM traces t JOIN boreholes b "
                    + "ON b.fid = t.hole_version WHERE " + timeCondition("b", s, params) + spatialCondition("t", f, params)
                    + holeCondition("b", s, params) + " ORDER BY b.hole_id, b.valid_from";
            stats.access(accessOf("traces_geom (whole traces)", "traces"));
        } else {
            sql = "SELECT b.* FROM boreholes b WHERE " + timeCondition("b", s, params) + holeCondition("b", s, params)
                    + " ORDER BY b.hole_id, b.valid_from";
            stats.access("table boreholes (time and hole conditions in PostgreSQL)");
        }
        return query(sql, params, rs -> {
            stats.addExamined(1);
            if (f != null) {
                stats.addIndexCandidates(1);
                int n = rs.getInt("n_points");
                if (!f.matches(Wkb.lineStringCoords(rs.getBytes("coords"), n), n)) {
                    return null;
                }
            }
            stats.addReturned(1);
            return holeVersion(rs);
        });
    }

    private HoleVersion holeVersion(ResultSet rs) throws SQLException {
        return StoreReads.holeVersion(conn, rs);
    }

    @Override
    public Stream<TraceRecord> traces(Selection s, ScanStats stats) {
        if (!s.predicates().isEmpty()) {
            throw new InvalidContentException("where: attribute predicates apply to interval tables, not to traces");
        }
        List<Object> params = new ArrayList<>();
        String sql = "SELECT t.hole_id, ST_AsBinary(t.geom), t.n_points, t.valid_from, t.valid_to, t.recorded_at, "
                + "t.superseded_at FROM traces t WHERE " + timeCondition("t", s, params) + holeCondition("t", s, params);
        SpatialFilter f = s.spatial().orElse(null);
        if (f != null) {
            sql += spatialCondition("t", f, params);
            stats.access(accessOf("traces_geom (whole traces)", "traces"));
        } else {
            stats.access("table traces (time and hole conditions in PostgreSQL)");
        }
        return query(sql + " ORDER BY t.hole_id, t.valid_from", params, rs -> {
            stats.addExamined(1);
            int n = rs.getInt(3);
            double[] line = Wkb.lineStringCoords(rs.getBytes(2), n);
            if (f != null) {
                stats.addIndexCandidates(1);
                if (!f.matches(line, n)) {
                    return null;
                }
            }
            stats.addReturned(1);
            return new TraceRecord(rs.getString(1), line, period(rs.getLong(4), rs.getLong(5)),
                    period(rs.getLong(6), rs.getLong(7)));
        });
    }

    @Override
    public Stream<StationRecord> stations(Selection s, ScanStats stats) {
        if (!s.predicates().isEmpty()) {
            throw new InvalidContentException("where: attribute predicates apply to interval tables, not to stations");
        }
        List<Object> params = new ArrayList<>();
        String where = timeCondition("v", s, params) + holeCondition("v", s, params);
        SpatialFilter f = s.spatial().orElse(null);
        if (f != null) {
            List<Object> sub = new ArrayList<>();
            where += " AND v.hole_version IN (SELECT t.hole_version FROM traces t WHERE true"
                    + spatialCondition("t", f, sub) + ")";
            params.addAll(sub);
            stats.access(accessOf("traces_geom", "stations") + " (the index selects holes)");
        } else {
            stats.access("table surveys (time and hole conditions in PostgreSQL)");
        }
        double[] pt = new double[3];
        return query("SELECT v.* FROM surveys v WHERE " + where + " ORDER BY v.hole_id, v.depth", params, rs -> {
            pt[0] = rs.getDouble("x");
            pt[1] = rs.getDouble("y");
            pt[2] = rs.getDouble("z");
            stats.addExamined(1);
            if (f != null && !f.matches(pt, 1)) {
                return null;
            }
            stats.addReturned(1);
            return new StationRecord(rs.getString("hole_id"), rs.getDouble("depth"), rs.getDouble("azimuth"),
                    rs.getDouble("dip"), pt[0], pt[1], pt[2]);
        });
    }

    /**
     * Interval rows: time, hole and attribute conditions in SQL (PostgreSQL semantics with {@code COLLATE "C"} text);
     * a spatial filter adds the GiST condition on the row's from-mid-to line and a refine in double.
     */
    @Override
    public Stream<IntervalRecord> intervals(String table, Selection s, ScanStats stats) {
        TableInfo t = tableInfo(table);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(intervalColumns(t)).append(" FROM ").append(q(t.sqlTable()))
                .append(" i WHERE ").append(timeCondition("i", s, params)).append(holeCondition("i", s, params));
        for (AttributePredicate p : s.predicates()) {
            sql.append(" AND ").append(predicateSql(t, p, params));
        }
        SpatialFilter f = s.spatial().orElse(null);
        if (f != null) {
            sql.append(spatialCondition("i", f, params));
            stats.access(accessOf(t.sqlTable() + "_geom (from-mid-to lines)", "rows")
                    + (s.predicates().isEmpty() ? "" : ", attribute conditions in PostgreSQL"));
        } else {
            stats.access("table " + t.sqlTable() + " (time, hole" + (s.predicates().isEmpty() ? "" : " and attribute")
                    + " conditions in PostgreSQL)");
        }
        sql.append(" ORDER BY i.hole_id, i.depth_from, i.fid");
        double[] line = new double[9];
        return query(sql.toString(), params, rs -> {
            stats.addExamined(1);
            if (f != null) {
                stats.addIndexCandidates(1);
                // from, mid, to
                for (int k = 0; k < 3; k++) {
                    line[k] = rs.getDouble(4 + k);
                    line[3 + k] = rs.getDouble(10 + k);
                    line[6 + k] = rs.getDouble(7 + k);
                }
                if (!f.matches(line, 3)) {
                    return null;
                }
            }
            stats.addReturned(1);
            return intervalRecord(t, rs);
        });
    }

    /** Columns read for an interval record, in the order {@link #intervalRecord} expects. */
    private static String intervalColumns(TableInfo t) {
        StringBuilder sb = new StringBuilder("i.hole_id, i.depth_from, i.depth_to, i.x_from, i.y_from, i.z_from, "
                + "i.x_to, i.y_to, i.z_to, i.x_mid, i.y_mid, i.z_mid, i.valid_from, i.valid_to, i.recorded_at, "
                + "i.superseded_at");
        for (String c : t.sqlColumns()) {
            sb.append(", i.").append(q(c));
        }
        return sb.toString();
    }

    private static IntervalRecord intervalRecord(TableInfo t, ResultSet rs) throws SQLException {
        Map<String, Object> vals = new LinkedHashMap<>();
        int k = 17;
        for (Column c : t.columns()) {
            vals.put(c.name(), value(rs.getObject(k++), c));
        }
        double[] pos = new double[9];
        for (int i = 0; i < 9; i++) {
            pos[i] = rs.getDouble(4 + i);
        }
        return new IntervalRecord(t.name(), rs.getString(1), rs.getDouble(2), rs.getDouble(3), vals, pos,
                period(rs.getLong(13), rs.getLong(14)), period(rs.getLong(15), rs.getLong(16)));
    }

    static Object value(Object o, Column c) {
        if (o == null) {
            return null;
        }
        return c.type() == ColumnType.NUMBER ? (Object) ((Number) o).doubleValue() : o.toString();
    }

    private static String predicateSql(TableInfo t, AttributePredicate p, List<Object> params) {
        int i = Predicates.columnIndex(t.name(), t.columns(), p);
        return Predicates.sql("i." + q(t.sqlColumns().get(i)), t.columns().get(i), p, params);
    }

    @Override
    public Stream<LogRecord> logs(Selection s) {
        return LogTables.read(conn, s, nowMicros(), f -> LogTables.spatialHoles(this, f), this::storage);
    }

    // ------------------------------------------------------------------------------------------------ series

    @Override
    public Connection readConnection() {
        return conn;
    }

    @Override
    public BrickCache brickCache() {
        return brickCache;
    }

    @Override
    public long readNow() {
        return nowMicros();
    }

    @Override
    public RuntimeException readError(SQLException e) {
        return storage(e);
    }

    @Override
    public FeatureTables.Dialect featureDialect() {
        return featureSql;
    }

    // ------------------------------------------------------------------------------------------------ logs

    @Override
    public List<String> logNames(String holeId) {
        try {
            return LogTables.names(conn, holeId);
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    @Override
    public List<String> holeIds() {
        try {
            return StoreReads.strings(conn, "SELECT DISTINCT hole_id FROM boreholes ORDER BY hole_id");
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    @Override
    public List<HoleVersion> history(String holeId) {
        try (Stream<HoleVersion> st = query("SELECT b.* FROM boreholes b WHERE b.hole_id = ? "
                + "ORDER BY b.recorded_at, b.valid_from, b.fid", List.of(holeId), this::holeVersion)) {
            return st.toList();
        }
    }

    @Override
    public List<IntervalRecord> intervalHistory(String table, String holeId) {
        TableInfo t = tableInfo(table);
        try (Stream<IntervalRecord> st = query("SELECT " + intervalColumns(t) + " FROM " + q(t.sqlTable()) + " i "
                + "WHERE i.set_id IN (SELECT id FROM ga_interval_set WHERE table_name = ? AND hole_id = ?) "
                + "ORDER BY i.recorded_at, i.valid_from, i.depth_from, i.fid", List.of(t.name(), holeId),
                rs -> intervalRecord(t, rs))) {
            return st.toList();
        }
    }

    @Override
    public List<IngestRecord> ingests() {
        try {
            return StoreReads.ingests(conn);
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    @Override
    public WorkspaceStats stats() {
        Map<String, String> tables = new TreeMap<>();
        for (String t : intervalTables()) {
            tables.put(t, q(tableInfo(t).sqlTable()));
        }
        try {
            return StoreReads.stats(conn, nowMicros(), tables);
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    /**
     * The bitemporal and reference invariants ({@link IntegrityCheck#bitemporal}, {@link IntegrityCheck#features},
     * {@link IntegrityCheck#series}, {@link IntegrityCheck#blockModels},
     * {@link IntegrityCheck#warnings});
     * PostgreSQL keeps its own pages, indexes and foreign keys consistent, and there is no GeoPackage catalog.
     */
    @Override
    public List<String> check() {
        List<String> sqlTables = new ArrayList<>();
        try {
            sqlTables.addAll(StoreReads.strings(conn, "SELECT sql_table FROM ga_interval_table ORDER BY name"));
        } catch (SQLException e) {
            return List.of("ga_interval_table: cannot read the interval table catalog: " + e.getMessage());
        }
        List<String> findings = new ArrayList<>(IntegrityCheck.bitemporal(conn, sqlTables));
        findings.addAll(IntegrityCheck.features(conn));
        findings.addAll(IntegrityCheck.series(conn));
        findings.addAll(IntegrityCheck.blockModels(conn));
        findings.addAll(IntegrityCheck.warnings(conn));
        return findings;
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A filtered stream over a query; closing the stream closes the cursor. */
    private <T> Stream<T> query(String sql, List<Object> params, StoreReads.RowMapper<T> mapper) {
        return StoreReads.query(conn, sql, params, mapper, this::storage);
    }

    StorageException storage(SQLException e) {
        return new StorageException("workspace schema " + schema + ": " + e.getMessage(), e);
    }

    /** Quotes an SQL identifier. */
    static String q(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already failing
        }
    }
}
