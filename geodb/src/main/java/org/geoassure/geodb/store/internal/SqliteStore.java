package org.geoassure.geodb.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.ColumnValues;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Period;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.TraceRecord;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.ScanStats;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.store.FeatureStore;
import org.geoassure.geodb.store.SeriesStore;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * The embedded engine: a GeoPackage file (SQLite through sqlite-jdbc, WAL mode). Internal: use
 * {@link org.geoassure.geodb.store.Workspaces}.
 */
public final class SqliteStore implements WorkspaceStore, SqlBlockModelReads, SqlFeatureReads, SqlSeriesReads,
        SqlWarningReads, Transfer.Participant {
    /** Open end of a period, in microseconds. */
    static final long OPEN = Bitemporal.OPEN;
    /** Trace R*Tree ids carry the piece number in their low bits. */
    static final int TRACE_PIECE_BITS = 12;
    /** Longest piece of a trace with its own R*Tree box (m). */
    static final double TRACE_PIECE_LENGTH = 100;

    private static final String[] POSITION_COLUMNS = {"x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
        "x_mid", "y_mid", "z_mid"};

    private final Path file;
    private final Connection conn;
    private final WorkspaceInfo info;
    private final int srsId;
    private final BrickCache brickCache = BrickCache.fromSystemProperty();
    private long lastRecorded;

    private SqliteStore(Path file, Connection conn, WorkspaceInfo info) throws SQLException {
        this.file = file;
        this.conn = conn;
        this.info = info;
        this.srsId = Crs.forCode(info.crs()).epsg();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT coalesce(max(recorded_at), 0) FROM ga_ingest")) {
            rs.next();
            lastRecorded = rs.getLong(1);
        }
    }

    /** Creates a new workspace file. */
    public static SqliteStore create(Path file, WorkspaceInfo info) {
        Crs crs = Crs.forCode(info.crs());
        if (Files.exists(file)) {
            throw new InvalidContentException(file + ": a file already exists there; choose a new workspace path");
        }
        WorkspaceInfo canonical = new WorkspaceInfo(info.name(), crs.code(), info.verticalDatum(), "m", info.createdAt());
        Connection c;
        try {
            c = connect(file);
        } catch (SQLException e) {
            throw new StorageException("cannot create workspace " + file + ": " + e.getMessage(), e);
        }
        try {
            c.setAutoCommit(false);
            Schema.create(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, 'undefined', ?)")) {
                if (crs.epsg() != 4326) {
                    ps.setString(1, crs.code());
                    ps.setInt(2, crs.epsg());
                    ps.setInt(3, crs.epsg());
                    ps.setString(4, "proj4: " + crs.proj4());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_workspace VALUES (?, ?)")) {
                Map<String, String> kv = new LinkedHashMap<>();
                kv.put("schema_version", Integer.toString(Schema.VERSION));
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
            registerFeatures(c, "boreholes", "POINT", crs.epsg(), "borehole versions (collar points)");
            registerFeatures(c, "traces", "LINESTRING", crs.epsg(), "desurveyed hole traces");
            registerAttributes(c, "surveys", "survey stations with desurveyed positions");
            registerAttributes(c, "logs", "well logs: one row per log version, curves in log_curves");
            registerFeatures(c, "features", "GEOMETRY", crs.epsg(), FEATURES_DESCRIPTION);
            registerAttributes(c, "series_stations", "monitoring stations: one row per station version");
            c.commit();
            c.setAutoCommit(true);
            return new SqliteStore(file, c, canonical);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot create workspace " + file + ": " + e.getMessage(), e);
        }
    }

    private static final String FEATURES_DESCRIPTION = "features: points, lines, polygons (surfaces and solids keep "
            + "their mesh in the mesh column), one row per version";

    /** Opens an existing workspace file. */
    public static SqliteStore open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidContentException(file + ": no workspace file there (create one with 'geoassure init')");
        }
        Connection c;
        try {
            c = connect(file);
        } catch (SQLException e) {
            throw new InvalidContentException(file + ": not a GeoAssure workspace (" + e.getMessage() + ")");
        }
        try {
            Map<String, String> kv = new HashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                    if (!rs.next() || rs.getInt(1) != Schema.GPKG_APPLICATION_ID) {
                        throw new InvalidContentException(file + ": not a GeoPackage workspace");
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT key, value FROM ga_workspace")) {
                    while (rs.next()) {
                        kv.put(rs.getString(1), rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw new InvalidContentException(file + ": not a GeoAssure workspace (" + e.getMessage() + ")");
            }
            String version = kv.get("schema_version");
            if ("1".equals(version) || "2".equals(version) || "3".equals(version)) {
                migrate(c, Integer.parseInt(version), kv.get("crs"));
                version = Integer.toString(Schema.VERSION);
            }
            if (!Integer.toString(Schema.VERSION).equals(version)) {
                throw new InvalidContentException(file + ": workspace schema version " + version
                        + " is not supported by this build (expects " + Schema.VERSION + ")");
            }
            WorkspaceInfo info;
            try {
                info = new WorkspaceInfo(kv.get("name"), kv.get("crs"), kv.get("vertical_datum"), kv.get("length_unit"),
                        Instant.parse(kv.get("created_at")));
                Crs.forCode(info.crs());
            } catch (RuntimeException e) {
                throw new InvalidContentException(file + ": the workspace metadata (ga_workspace) is damaged: "
                        + e.getMessage());
            }
            return new SqliteStore(file, c, info);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot open workspace " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Schema version 1, 2 or 3 to 4, in one transaction: adds the log tables (from 1), the block model tables (from 1
     * or 2), the feature tables, the series tables and the warning tables.
     */
    private static void migrate(Connection c, int from, String crsCode) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (from < 2) {
                Schema.createLogs(c);
                registerAttributes(c, "logs", "well logs: one row per log version, curves in log_curves");
            }
            if (from < 3) {
                Schema.createBlockModels(c);
            }
            Schema.createFeatures(c);
            registerFeatures(c, "features", "GEOMETRY", Crs.forCode(crsCode).epsg(), FEATURES_DESCRIPTION);
            Schema.createSeries(c);
            registerAttributes(c, "series_stations", "monitoring stations: one row per station version");
            Schema.createWarnings(c);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE ga_workspace SET value = '" + Schema.VERSION + "' WHERE key = 'schema_version'");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = 10000");
            s.execute("PRAGMA cache_size = -65536");
            // reads through a memory map: no read() system call per page on the query path
            s.execute("PRAGMA mmap_size = 17179869184");
            s.execute("PRAGMA temp_store = MEMORY");
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    static void registerFeatures(Connection c, String table, String type, int srs, String description)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, 'features', ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, description);
            ps.setInt(4, srs);
            ps.executeUpdate();
        }
        // z: 1 (mandatory) for our own 3D tables, 2 (optional) for the generic feature layer (a 2D Shapefile stays 2D)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, ?, 0)")) {
            ps.setString(1, table);
            ps.setString(2, type);
            ps.setInt(3, srs);
            ps.setInt(4, "GEOMETRY".equals(type) ? 2 : 1);
            ps.executeUpdate();
        }
    }

    private static void registerAttributes(Connection c, String table, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, description);
            ps.executeUpdate();
        }
    }

    /** The workspace file. */
    public Path file() {
        return file;
    }

    @Override
    public WorkspaceInfo info() {
        return info;
    }

    // ------------------------------------------------------------------------------------------------ writes

    @Override
    public IngestRecord ingest(DrillholeBatch batch, WriteProgress progress) {
        long recordedAt = Math.max(micros(Instant.now()), lastRecorded + 1);
        IngestRecord rec = BitemporalWriter.inTransaction(conn, file.toString(), () -> {
            try (SqliteIngest writer = new SqliteIngest(this, conn, srsId, recordedAt, progress)) {
                return writer.write(batch);
            }
        });
        lastRecorded = recordedAt;
        return rec;
    }

    @Override
    public IngestRecord ingestLogs(List<LogData> logs, Provenance provenance) {
        return write((id, now) -> LogTables.write(conn, id, now, logs, provenance));
    }

    // ------------------------------------------------------------------------------------------------ features

    @Override
    public IngestRecord writeFeatures(String layer, List<FeatureWrite> features, Provenance provenance) {
        return write((id, now) -> FeatureTables.write(conn, FeatureTables.SQLITE, id, now, srsId, layer, features,
                provenance));
    }

    @Override
    public IngestRecord retireFeatures(String layer, java.util.Set<String> ids, Instant validTo, Provenance provenance) {
        return write((id, now) -> FeatureTables.retire(conn, FeatureTables.SQLITE, id, now, layer, ids,
                micros(validTo), provenance));
    }

    /** A write that is its own ingest, given its ingest id and record time. */
    @FunctionalInterface
    private interface Write<T> {
        T write(long ingestId, long recordedAt) throws SQLException;
    }

    /**
     * Runs one write as a new ingest in one transaction: the next ingest id, and a record time after the last one
     * (the same rule as {@link #ingest}).
     */
    private <T> T write(Write<T> w) {
        long recordedAt = Math.max(micros(Instant.now()), lastRecorded + 1);
        T out = BitemporalWriter.inTransaction(conn, file.toString(), () -> w.write(nextIngestId(), recordedAt));
        lastRecorded = recordedAt;
        return out;
    }

    private long nextIngestId() throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM ga_ingest")) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** This workspace as one side of a copy ({@link Transfer}); the store's cached record time follows an import. */
    @Override
    public Transfer.Endpoint transfer() {
        return new SqliteTransfer(this, conn, srsId, file.toString()) {
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

    @Override
    public Version writeBlockModel(BrickSource data, String comment, Provenance provenance) {
        return write((id, now) -> BlockTables.write(conn, id, now, data, comment, provenance));
    }

    // ------------------------------------------------------------------------------------------------ reads

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

    // ------------------------------------------------------------------------------------------------ warnings

    @Override
    public RulesVersion writeRules(String json, String comment, Provenance provenance) {
        return write((id, now) -> WarningTables.writeRules(conn, id, now, json, comment, provenance));
    }

    @Override
    public StoredAcknowledgement writeAcknowledgement(String alertId,
            org.geoassure.geodb.hazard.warning.Acknowledgement acknowledgement, Provenance provenance) {
        return write((id, now) -> WarningTables.writeAcknowledgement(conn, id, now, alertId, acknowledgement,
                provenance));
    }

    @Override
    public RuntimeException readError(SQLException e) {
        return storage(e);
    }

    @Override
    public FeatureTables.Dialect featureDialect() {
        return FeatureTables.SQLITE;
    }

    @Override
    public IngestRecord ingestStations(List<org.geoassure.geodb.series.Station> stations, Provenance provenance) {
        return write((id, now) -> SeriesTables.writeStations(conn, id, now, stations, provenance));
    }

    @Override
    public IngestRecord ingestReadings(List<org.geoassure.geodb.series.Readings> batches, Provenance provenance) {
        return write((id, now) -> SeriesTables.writeReadings(conn, id, now, batches, provenance));
    }

    // ------------------------------------------------------------------------------------------------ catalog

    /** An interval table: SQL names, columns, and how a batch's column order maps onto the table's. */
    record TableInfo(String name, String sqlTable, List<Column> columns, int[] batchIndex) {
        /** The R*Tree over chunk boxes. */
        String rtree() {
            return "ga_rtree_" + chunkTable();
        }

        /** The read-optimised chunks of this table's rows ({@link IntervalChunks}). */
        String chunkTable() {
            return "chunks_" + sqlTable.substring("intervals_".length());
        }

        TableInfo withIdentityMapping() {
            int[] id = new int[columns.size()];
            for (int i = 0; i < id.length; i++) {
                id[i] = i;
            }
            return new TableInfo(name, sqlTable, columns, id);
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
            try (PreparedStatement pc = conn.prepareStatement(
                    "SELECT name, type FROM ga_interval_column WHERE table_name = ? ORDER BY seq")) {
                pc.setString(1, name);
                try (ResultSet rs = pc.executeQuery()) {
                    while (rs.next()) {
                        cols.add(new Column(rs.getString(1), ColumnType.valueOf(rs.getString(2))));
                    }
                }
            }
            return new TableInfo(name, sqlTable, cols, new int[0]).withIdentityMapping();
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
        return tableInfo(table).columns;
    }

    // ------------------------------------------------------------------------------------------------ reads

    private long nowMicros() {
        return Math.max(micros(Instant.now()), lastRecorded);
    }

    /** SQL condition on one alias for a time slice; appends its two parameters. */
    private String timeCondition(String alias, Selection s, List<Object> params) {
        return StoreReads.timeCondition(alias, s, nowMicros(), params);
    }

    private static String holeCondition(String alias, Selection s, List<Object> params) {
        return StoreReads.holeCondition(alias, s, params);
    }

    private static String boxCondition(String alias, SpatialFilter f, List<Object> params) {
        return rtreeBoxCondition(alias, f.searchBox(), params);
    }

    /** " AND ..." on the R*Tree alias: its box meets {@code b}. */
    static String rtreeBoxCondition(String alias, org.geoassure.geodb.query.Box3 b, List<Object> params) {
        params.add(b.maxX());
        params.add(b.minX());
        params.add(b.maxY());
        params.add(b.minY());
        params.add(b.maxZ());
        params.add(b.minZ());
        return " AND " + alias + ".minx <= ? AND " + alias + ".maxx >= ? AND " + alias + ".miny <= ? AND " + alias
                + ".maxy >= ? AND " + alias + ".minz <= ? AND " + alias + ".maxz >= ?";
    }

    @Override
    public Stream<HoleVersion> boreholes(Selection s, ScanStats stats) {
        if (!s.predicates().isEmpty()) {
            throw new InvalidContentException("where: attribute predicates apply to interval tables, not to boreholes");
        }
        List<Object> params = new ArrayList<>();
        String sql;
        if (s.spatial().isPresent()) {
            sql = "SELECT b.*, t.coords, t.n_points FROM traces t JOIN boreholes b ON b.fid = t.hole_version WHERE "
                    + timeCondition("b", s, params) + " AND t.fid IN (SELECT r.id >> " + TRACE_PIECE_BITS
                    + " FROM ga_rtree_traces r WHERE 1 = 1" + boxCondition("r", s.spatial().get(), params) + ")"
                    + holeCondition("b", s, params) + " ORDER BY b.hole_id, b.valid_from";
            stats.access("R*Tree ga_rtree_traces (trace pieces), refine traces in double");
        } else {
            sql = "SELECT b.* FROM boreholes b WHERE " + timeCondition("b", s, params) + holeCondition("b", s, params)
                    + " ORDER BY b.hole_id, b.valid_from";
            stats.access("table boreholes (time and hole conditions in SQLite)");
        }
        SpatialFilter f = s.spatial().orElse(null);
        return query(sql, params, rs -> {
            stats.addExamined(1);
            if (f != null) {
                stats.addIndexCandidates(1);
                double[] line = unpack(rs.getBytes("coords"));
                if (!f.matches(line, rs.getInt("n_points"))) {
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
        String sql = "SELECT t.hole_id, t.coords, t.n_points, t.valid_from, t.valid_to, t.recorded_at, t.superseded_at "
                + "FROM traces t WHERE " + timeCondition("t", s, params) + holeCondition("t", s, params);
        SpatialFilter f = s.spatial().orElse(null);
        if (f != null) {
            sql += " AND t.fid IN (SELECT r.id >> " + TRACE_PIECE_BITS + " FROM ga_rtree_traces r WHERE 1 = 1"
                    + boxCondition("r", f, params) + ")";
            stats.access("R*Tree ga_rtree_traces (trace pieces), refine traces in double");
        } else {
            stats.access("table traces (time and hole conditions in SQLite)");
        }
        return query(sql + " ORDER BY t.hole_id, t.valid_from", params, rs -> {
            stats.addExamined(1);
            double[] line = unpack(rs.getBytes(2));
            if (f != null) {
                stats.addIndexCandidates(1);
                if (!f.matches(line, rs.getInt(3))) {
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
        String from = "surveys v";
        String where = timeCondition("v", s, params) + holeCondition("v", s, params);
        if (s.spatial().isPresent()) {
            List<Object> sub = new ArrayList<>();
            String inner = "SELECT t.hole_version FROM traces t WHERE t.fid IN (SELECT r.id >> " + TRACE_PIECE_BITS
                    + " FROM ga_rtree_traces r WHERE 1 = 1" + boxCondition("r", s.spatial().get(), sub) + ")";
            where += " AND v.hole_version IN (" + inner + ")";
            params.addAll(sub);
            stats.access("R*Tree ga_rtree_traces (trace pieces) selects holes, refine stations in double");
        } else {
            stats.access("table surveys (time and hole conditions in SQLite)");
        }
        SpatialFilter f = s.spatial().orElse(null);
        double[] pt = new double[3];
        return query("SELECT v.* FROM " + from + " WHERE " + where + " ORDER BY v.hole_id, v.depth", params, rs -> {
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

    @Override
    public Stream<IntervalRecord> intervals(String table, Selection s, ScanStats stats) {
        TableInfo t = tableInfo(table);
        if (s.spatial().isPresent()) {
            return intervalsBySpace(t, s, stats);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(intervalColumns(t)).append(" FROM ").append(q(t.sqlTable))
                .append(" i WHERE ").append(timeCondition("i", s, params)).append(holeCondition("i", s, params));
        for (AttributePredicate p : s.predicates()) {
            sql.append(" AND ").append(predicateSql(t, p, params));
        }
        sql.append(" ORDER BY i.hole_id, i.depth_from, i.fid");
        stats.access("table " + t.sqlTable + " (time, hole" + (s.predicates().isEmpty() ? "" : " and attribute")
                + " conditions in SQLite)");
        double[] line = new double[9];
        return query(sql.toString(), params, rs -> {
            stats.addExamined(1);
            stats.addReturned(1);
            decodeLine(rs.getBytes(4), line);
            return intervalRecord(t, rs, line);
        });
    }

    /**
     * Spatial selections: R*Tree candidates are chunks of up to 32 rows; each chunk's blob is decoded, and every row
     * is refined in double and tested against the attribute predicates in Java (SQLite's semantics).
     */
    private Stream<IntervalRecord> intervalsBySpace(TableInfo t, Selection s, ScanStats stats) {
        List<RowPredicate> predicates = new ArrayList<>();
        for (AttributePredicate p : s.predicates()) {
            List<Object> typed = new ArrayList<>();
            predicateSql(t, p, typed);
            predicates.add(RowPredicate.of(columnIndex(t, p.column()), p, typed));
        }
        List<Object> params = new ArrayList<>();
        String sql = "SELECT c.hole_id, c.valid_from, c.valid_to, c.recorded_at, c.superseded_at, c.data FROM "
                + q(t.rtree()) + " r JOIN " + q(t.chunkTable()) + " c ON c.fid = r.id WHERE " + timeCondition("c", s, params)
                + boxCondition("r", s.spatial().get(), params) + holeCondition("c", s, params)
                + " ORDER BY c.hole_id, c.first_from, c.seq";
        SpatialFilter f = s.spatial().get();
        stats.access("R*Tree " + t.rtree() + " (chunks of up to 32 rows), refine rows in double"
                + (predicates.isEmpty() ? "" : ", attribute conditions on each row"));
        double[] line = new double[9];
        List<String> names = List.of(t.columns.stream().map(Column::name).toArray(String[]::new));
        return query(sql, params, rs -> {
            stats.addIndexCandidates(1);
            String hole = rs.getString(1);
            Period valid = period(rs.getLong(2), rs.getLong(3));
            Period recorded = period(rs.getLong(4), rs.getLong(5));
            IntervalChunks.Decoded d = IntervalChunks.decode(rs.getBytes(6), t.columns);
            List<IntervalRecord> out = new ArrayList<>(d.rows);
            stats.addExamined(d.rows);
            for (int i = 0; i < d.rows; i++) {
                int o = 9 * i;
                PreparedHole.intervalLine(d.positions, i, line);
                if (!f.matches(line, 3) || !RowPredicate.all(predicates, d.values[i])) {
                    continue;
                }
                out.add(new IntervalRecord(t.name, hole, d.fromTo[2 * i], d.fromTo[2 * i + 1],
                        ColumnValues.of(names, d.values[i]),
                        java.util.Arrays.copyOfRange(d.positions, o, o + 9), valid, recorded));
            }
            stats.addReturned(out.size());
            return out;
        }).flatMap(List::stream);
    }

    private static int columnIndex(TableInfo t, String name) {
        for (int i = 0; i < t.columns.size(); i++) {
            if (t.columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column " + name + " was validated but is missing");
    }

    /** Columns read for an interval record, in the order {@link #intervalRecord} expects. */
    private static String intervalColumns(TableInfo t) {
        StringBuilder sb = new StringBuilder("i.hole_id, i.depth_from, i.depth_to, i.geom, i.valid_from, i.valid_to, "
                + "i.recorded_at, i.superseded_at");
        for (Column c : t.columns) {
            sb.append(", i.").append(q(c.name()));
        }
        return sb.toString();
    }

    /**
     * Reads the from, mid and to points of an interval's GeoPackage LINESTRING Z (8-byte GP header without envelope,
     * then little-endian ISO WKB with 3 points) into {@code line}: one JNI call instead of nine column reads.
     */
    private static void decodeLine(byte[] gpkg, double[] line) {
        ByteBuffer b = ByteBuffer.wrap(gpkg).order(ByteOrder.LITTLE_ENDIAN);
        int at = 8 + 1 + 4 + 4;
        for (int k = 0; k < 9; k++) {
            line[k] = b.getDouble(at + 8 * k);
        }
    }

    private static String predicateSql(TableInfo t, AttributePredicate p, List<Object> params) {
        int i = Predicates.columnIndex(t.name, t.columns, p);
        return Predicates.sql("i." + q(t.columns.get(i).name()), t.columns.get(i), p, params);
    }

    /** An interval record from a row of {@link #intervalColumns}; {@code line} holds from, mid, to. */
    private static IntervalRecord intervalRecord(TableInfo t, ResultSet rs, double[] line) throws SQLException {
        Map<String, Object> vals = new LinkedHashMap<>();
        int k = 9;
        for (Column c : t.columns) {
            Object o = rs.getObject(k++);
            vals.put(c.name(), o == null ? null : c.type() == ColumnType.NUMBER ? (Object) ((Number) o).doubleValue()
                    : o.toString());
        }
        double[] pos = {line[0], line[1], line[2], line[6], line[7], line[8], line[3], line[4], line[5]};
        return new IntervalRecord(t.name, rs.getString(1), rs.getDouble(2), rs.getDouble(3), vals, pos,
                period(rs.getLong(5), rs.getLong(6)), period(rs.getLong(7), rs.getLong(8)));
    }

    static Object readValue(ResultSet rs, Column c) throws SQLException {
        Object o = rs.getObject(c.name());
        if (o == null) {
            return null;
        }
        return c.type() == ColumnType.NUMBER ? (Object) ((Number) o).doubleValue() : o.toString();
    }

    @Override
    public Stream<LogRecord> logs(Selection s) {
        return LogTables.read(conn, s, nowMicros(), f -> LogTables.spatialHoles(this, f), this::storage);
    }

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
        double[] line = new double[9];
        try (Stream<IntervalRecord> st = query("SELECT " + intervalColumns(t) + " FROM " + q(t.sqlTable) + " i "
                + "WHERE i.set_id IN (SELECT id FROM ga_interval_set WHERE table_name = ? AND hole_id = ?) "
                + "ORDER BY i.recorded_at, i.valid_from, i.depth_from, i.fid", List.of(t.name, holeId), rs -> {
                    decodeLine(rs.getBytes(4), line);
                    return intervalRecord(t, rs, line);
                })) {
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
            tables.put(t, q(tableInfo(t).sqlTable));
        }
        try {
            return StoreReads.stats(conn, nowMicros(), tables);
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    @Override
    public List<String> check() {
        Map<String, String> tables = new TreeMap<>();
        try {
            for (String t : StoreReads.strings(conn, "SELECT name FROM ga_interval_table ORDER BY name")) {
                tables.put(t, tableInfo(t).sqlTable);
            }
        } catch (SQLException | RuntimeException e) {
            return List.of("ga_interval_table: cannot read the interval table catalog: " + e.getMessage());
        }
        List<String> findings = new ArrayList<>(IntegrityCheck.sqlite(conn, tables));
        if (findings.stream().noneMatch(f -> f.startsWith("integrity_check failed"))) {
            findings.addAll(IntegrityCheck.bitemporal(conn, List.copyOf(tables.values())));
            findings.addAll(IntegrityCheck.blockModels(conn));
            findings.addAll(IntegrityCheck.series(conn));
            findings.addAll(IntegrityCheck.warnings(conn));
        }
        return findings;
    }

    /**
     * Copies the workspace to {@code target} with SQLite's online backup: a consistent snapshot even while other
     * connections read or write. Writes a temporary file beside the target and moves it into place, so the target
     * never holds a partial copy.
     *
     * @throws InvalidContentException if the target exists or its path cannot be named in the backup statement
     */
    public void backupTo(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.exists(abs)) {
            throw new InvalidContentException(target + ": a file already exists there; choose a new backup path");
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + ".partial");
        if (tmp.toString().indexOf('"') >= 0) {
            throw new InvalidContentException(target + ": a backup path cannot contain '\"'");
        }
        try {
            Files.deleteIfExists(tmp);
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("backup to \"" + tmp + "\"");
            }
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new StorageException("cannot back up workspace " + file + " to " + target + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            deleteQuietly(tmp);
            throw new StorageException("cannot back up workspace " + file + " to " + target + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // best effort: the error being reported matters more
        }
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

    /** A lazily read, filtered stream over a query; closing the stream closes the cursor. */
    private <T> Stream<T> query(String sql, List<Object> params, StoreReads.RowMapper<T> mapper) {
        return StoreReads.query(conn, sql, params, mapper, this::storage);
    }

    private StorageException storage(SQLException e) {
        return new StorageException("workspace " + file + ": " + e.getMessage(), e);
    }

    static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void setTimes(PreparedStatement ps, int k, long vf, long vt, long ra, long sa) throws SQLException {
        ps.setLong(k, vf);
        ps.setLong(k + 1, vt);
        ps.setLong(k + 2, ra);
        ps.setLong(k + 3, sa);
    }

    static void setNullable(PreparedStatement ps, int k, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(k, Types.DOUBLE);
        } else {
            ps.setDouble(k, v);
        }
    }

    static long micros(Instant t) {
        return Bitemporal.micros(t);
    }

    static Instant instant(long micros) {
        return Bitemporal.instant(micros);
    }

    private static Period period(long from, long to) {
        return Bitemporal.period(from, to);
    }

    static byte[] pack(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    static double[] unpack(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[bytes.length / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    /** Quotes an SQL identifier (names are validated before they get here). */
    static String q(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already failing
        }
    }
}
