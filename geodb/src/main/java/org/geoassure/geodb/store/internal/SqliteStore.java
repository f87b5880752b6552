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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.analysis.DesurveyMethod;
import org.geoassure.geodb.crs.Crs;
import org.geoassure.geodb.model.Collar;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.ColumnValues;
import org.geoassure.geodb.model.DrillholeBatch;
import org.geoassure.geodb.model.HoleData;
import org.geoassure.geodb.model.HoleVersion;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.IntervalRecord;
import org.geoassure.geodb.model.IntervalRow;
import org.geoassure.geodb.model.Period;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.model.SourceFile;
import org.geoassure.geodb.model.StationRecord;
import org.geoassure.geodb.model.SurveyStation;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.query.AttributePredicate;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.internal.Geometry3;
import org.geoassure.geodb.store.WorkspaceStats;
import org.geoassure.geodb.store.WorkspaceStore;

/**
 * The embedded engine: a GeoPackage file (SQLite through sqlite-jdbc, WAL mode). Internal: use
 * {@link org.geoassure.geodb.store.Workspaces}.
 */
public final class SqliteStore implements WorkspaceStore {
    /** Open end of a period, in microseconds. */
    static final long OPEN = Long.MAX_VALUE;
    /** Trace R*Tree ids carry the piece number in their low bits. */
    static final int TRACE_PIECE_BITS = 12;
    /** Longest piece of a trace with its own R*Tree box (m). */
    static final double TRACE_PIECE_LENGTH = 100;

    private static final Set<String> RESERVED = Set.of("fid", "geom", "set_id", "hole_id", "depth_from", "depth_to",
            "x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid",
            "valid_from", "valid_to", "recorded_at", "superseded_at");
    private static final String[] POSITION_COLUMNS = {"x_from", "y_from", "z_from", "x_to", "y_to", "z_to",
        "x_mid", "y_mid", "z_mid"};

    private final Path file;
    private final Connection conn;
    private final WorkspaceInfo info;
    private final int srsId;
    private long lastRecorded;
    /** Statements prepared during one ingest, reused for every hole; closed when the ingest ends. */
    private final Map<String, PreparedStatement> ingestStatements = new HashMap<>();

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
            c.commit();
            c.setAutoCommit(true);
            return new SqliteStore(file, c, canonical);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot create workspace " + file + ": " + e.getMessage(), e);
        }
    }

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
            if (!Integer.toString(Schema.VERSION).equals(version)) {
                throw new InvalidContentException(file + ": workspace schema version " + version
                        + " is not supported by this build (expects " + Schema.VERSION + ")");
            }
            WorkspaceInfo info = new WorkspaceInfo(kv.get("name"), kv.get("crs"), kv.get("vertical_datum"),
                    kv.get("length_unit"), Instant.parse(kv.get("created_at")));
            return new SqliteStore(file, c, info);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StorageException("cannot open workspace " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
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

    private static void registerFeatures(Connection c, String table, String type, int srs, String description)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, 'features', ?, ?, ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, description);
            ps.setInt(4, srs);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 1, 0)")) {
            ps.setString(1, table);
            ps.setString(2, type);
            ps.setInt(3, srs);
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
        try {
            conn.setAutoCommit(false);
            IngestRecord rec = new IngestWriter(recordedAt, progress).write(batch);
            conn.commit();
            lastRecorded = recordedAt;
            return rec;
        } catch (SQLException e) {
            rollback();
            throw new StorageException("ingest failed in " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            for (PreparedStatement ps : ingestStatements.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // closing a statement of a finished transaction: nothing to keep
                }
            }
            ingestStatements.clear();
            try {
                conn.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is unusable; the next call reports it
            }
        }
    }

    /** A statement of the running ingest, prepared once (with generated keys) and reused. */
    private PreparedStatement stmt(String sql) throws SQLException {
        PreparedStatement ps = ingestStatements.get(sql);
        if (ps == null) {
            ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            ingestStatements.put(sql, ps);
        }
        return ps;
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException e) {
            throw new StorageException("rollback failed in " + file + ": " + e.getMessage(), e);
        }
    }

    /** One ingest transaction. */
    private final class IngestWriter {
        private final long now;
        private long ingestId;
        private int holesNew;
        private int holesChanged;
        private int holesUnchanged;
        private long intervalRows;
        private final Map<String, TableInfo> tables = new HashMap<>();
        /** R*Tree entries of this ingest by R*Tree table, inserted in Morton order at the end. */
        private final Map<String, BoxBuffer> boxes = new HashMap<>();
        private final WriteProgress progress;

        IngestWriter(long now, WriteProgress progress) {
            this.now = now;
            this.progress = progress;
        }

        IngestRecord write(DrillholeBatch batch) throws SQLException {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (HoleData h : batch.holes()) {
                if (!seen.add(h.holeId())) {
                    throw new InvalidContentException("batch: hole '" + h.holeId() + "' appears more than once");
                }
            }
            ingestId = insertIngest(batch);
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
            for (var e : boxes.entrySet()) {
                e.getValue().insertAll(stmt("INSERT INTO " + q(e.getKey()) + " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            }
            {
                PreparedStatement ps = stmt("UPDATE ga_ingest SET holes_new = ?, holes_changed = ?, "
                    + "holes_unchanged = ?, interval_rows = ? WHERE id = ?");
                ps.setInt(1, holesNew);
                ps.setInt(2, holesChanged);
                ps.setInt(3, holesUnchanged);
                ps.setLong(4, intervalRows);
                ps.setLong(5, ingestId);
                ps.executeUpdate();
            }
            return new IngestRecord(ingestId, instant(now), "drillholes", batch.provenance(), holesNew, holesChanged,
                    holesUnchanged, intervalRows);
        }

        private long insertIngest(DrillholeBatch batch) throws SQLException {
            Provenance p = batch.provenance();
            long id;
            {
                PreparedStatement ps = stmt("INSERT INTO ga_ingest (recorded_at, kind, user_name, holes_new, "
                    + "holes_changed, holes_unchanged, interval_rows) VALUES (?, 'drillholes', ?, 0, 0, 0, 0)");
                ps.setLong(1, now);
                ps.setString(2, p.user());
                ps.executeUpdate();
                id = generatedKey(ps);
            }
            {
                PreparedStatement ps = stmt("INSERT INTO ga_ingest_source VALUES (?, ?, ?, ?, ?, ?)");
                int seq = 0;
                for (SourceFile f : p.sources()) {
                    ps.setLong(1, id);
                    ps.setInt(2, seq++);
                    ps.setString(3, f.role());
                    ps.setString(4, f.name());
                    ps.setString(5, f.sha256());
                    ps.setLong(6, f.rows());
                    ps.executeUpdate();
                }
            }
            Map<String, String> params = new TreeMap<>(p.parameters());
            params.put("desurvey_method", batch.method().label());
            {
                PreparedStatement ps = stmt("INSERT INTO ga_ingest_parameter VALUES (?, ?, ?)");
                for (var e : params.entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.executeUpdate();
                }
            }
            {
                PreparedStatement ps = stmt("INSERT INTO ga_ingest_warning VALUES (?, ?, ?)");
                int seq = 0;
                for (String w : p.warnings()) {
                    ps.setLong(1, id);
                    ps.setInt(2, seq++);
                    ps.setString(3, w);
                    ps.executeUpdate();
                }
            }
            return id;
        }

        /**
         * Writes one hole. Without an explicit valid time a change is a correction: it applies from the valid start of
         * the state it corrects (or from the record time for a new hole).
         */
        private void writeHole(HoleData hole, DesurveyMethod method, Long explicitValid, DrillholeBatch batch)
                throws SQLException {
            PreparedHole prepared = PreparedHole.of(hole.collar(), hole.survey(), method);
            String hash = prepared.contentHash();
            List<VersionRow> current = currentVersions("boreholes", "hole_id = ?", hole.holeId());
            long valid = validFor(explicitValid, current, now);
            VersionRow at = versionAt(current, valid);
            long holeVersion;
            boolean traceChanged;
            if (at != null && at.hash.equals(hash) && at.validTo == OPEN) {
                holesUnchanged++;
                holeVersion = at.id;
                traceChanged = false;
            } else {
                if (current.isEmpty()) {
                    holesNew++;
                } else {
                    holesChanged++;
                    splitAndSupersede("boreholes", current, valid, this::copyHoleVersion);
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

        /** Trace end: the deepest of total depth, last station and every interval bottom known for the hole. */
        private double endDepth(HoleData hole, boolean known) throws SQLException {
            double end = Double.isNaN(hole.collar().totalDepth()) ? 0 : hole.collar().totalDepth();
            for (SurveyStation s : hole.survey()) {
                end = Math.max(end, s.depth());
            }
            for (List<IntervalRow> rows : hole.intervals().values()) {
                for (IntervalRow r : rows) {
                    end = Math.max(end, r.to());
                }
            }
            for (String t : known ? intervalTables() : List.<String>of()) {
                TableInfo ti = tableInfo(t);
                {
                    PreparedStatement ps = stmt("SELECT max(i.depth_to) FROM " + q(ti.sqlTable) + " i JOIN ga_interval_set s "
                        + "ON s.id = i.set_id WHERE s.table_name = ? AND s.hole_id = ? AND s.superseded_at = " + OPEN);
                    ps.setString(1, ti.name);
                    ps.setString(2, hole.holeId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) {
                            end = Math.max(end, rs.getDouble(1));
                        }
                    }
                }
            }
            return end;
        }

        private long insertHoleVersion(PreparedHole p, String hash, double endDepth, long valid) throws SQLException {
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

        private BoxBuffer box(String rtree) {
            return boxes.computeIfAbsent(rtree, k -> new BoxBuffer());
        }

        private void copyHoleVersion(long oldId, long validFrom, long validTo) throws SQLException {
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

        private void supersedeHoleVersion(long id) throws SQLException {
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

        /**
         * Supersedes each current version whose valid period reaches past {@code valid}, re-recording its part
         * before {@code valid}.
         */
        private void splitAndSupersede(String table, List<VersionRow> current, long valid, Copier copier)
                throws SQLException {
            for (VersionRow r : current) {
                if (r.validTo <= valid) {
                    continue; // ends before the new state starts: stays as it is
                }
                if (table.equals("boreholes")) {
                    supersedeHoleVersion(r.id);
                } else {
                    supersedeIntervalSet(r.id);
                }
                if (r.validFrom < valid) {
                    copier.copy(r.id, r.validFrom, valid);
                }
            }
        }

        private void writeIntervalSet(TableInfo t, String holeId, long holeVersion, PreparedHole prepared,
                List<IntervalRow> rows, Long explicitValid, long holeValid) throws SQLException {
            double[] pos = prepared.intervalPositions(rows);
            String hash = PreparedHole.intervalSetHash(rows, pos);
            List<VersionRow> current = currentVersions("ga_interval_set", "table_name = ? AND hole_id = ?", t.name, holeId);
            long valid = validFor(explicitValid, current, holeValid);
            VersionRow at = versionAt(current, valid);
            if (at != null && at.hash.equals(hash) && at.validTo == OPEN) {
                return;
            }
            splitAndSupersede("ga_interval_set", current, valid, (old, from, to) -> copyIntervalSet(t, old, from, to));
            long setId;
            {
                PreparedStatement ps = stmt("INSERT INTO ga_interval_set (table_name, hole_id, hole_version, "
                    + "content_hash, rows, ingest_id, valid_from, valid_to, recorded_at, superseded_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                ps.setString(1, t.name);
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
            for (Column c : t.columns) {
                cols.append(", ").append(q(c.name()));
            }
            int nParams = 5 + 9 + 4 + t.columns.size();
            String sql = "INSERT INTO " + q(t.sqlTable) + " (" + cols + ") VALUES (" + "?, ".repeat(nParams - 1) + "?)";
            Object[][] resolved = new Object[rows.size()][t.columns.size()];
            {
                PreparedStatement ps = stmt(sql);
                double[] line = new double[9];
                for (int i = 0; i < rows.size(); i++) {
                    IntervalRow r = rows.get(i);
                    // polyline from -> mid -> to
                    System.arraycopy(pos, 9 * i, line, 0, 3);
                    System.arraycopy(pos, 9 * i + 6, line, 3, 3);
                    System.arraycopy(pos, 9 * i + 3, line, 6, 3);
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
                    for (int c = 0; c < t.columns.size(); c++) {
                        int inputIndex = t.batchIndex[c];
                        Object v = inputIndex < 0 || inputIndex >= r.values().size() ? null : r.values().get(inputIndex);
                        resolved[i][c] = v;
                        if (v == null) {
                            ps.setNull(k++, t.columns.get(c).type() == ColumnType.NUMBER ? Types.DOUBLE : Types.VARCHAR);
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
            intervalRows += rows.size();
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
                ps.setBytes(6, IntervalChunks.encode(rows, values, pos, start, end, t.columns));
                setTimes(ps, 7, valid, OPEN, now, OPEN);
                ps.executeUpdate();
                box.add(generatedKey(ps), java.util.Arrays.copyOfRange(pos, 9 * start, 9 * end), 3 * (end - start));
                start = end;
            }
        }

        private void copyIntervalSet(TableInfo t, long oldSet, long validFrom, long validTo) throws SQLException {
            Map<String, Object> times = timesOverride(validFrom, validTo);
            long newSet = copyRow("ga_interval_set", oldSet, times);
            Map<String, Object> child = new HashMap<>(times);
            child.put("set_id", newSet);
            for (long fid : ids("SELECT fid FROM " + q(t.sqlTable) + " WHERE set_id = ? ORDER BY fid", oldSet)) {
                copyRow(t.sqlTable, fid, child);
            }
            for (long fid : ids("SELECT fid FROM " + q(t.chunkTable()) + " WHERE set_id = ? ORDER BY fid", oldSet)) {
                copyBox(t.rtree(), fid, copyRow(t.chunkTable(), fid, child));
            }
        }

        private void supersedeIntervalSet(long setId) throws SQLException {
            String table;
            {
                PreparedStatement ps = stmt("SELECT table_name FROM ga_interval_set WHERE id = ?");
                ps.setLong(1, setId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    table = rs.getString(1);
                }
            }
            TableInfo t = tableInfo(table);
            {
                PreparedStatement ps = stmt("UPDATE ga_interval_set SET superseded_at = ? WHERE id = ?");
                ps.setLong(1, now);
                ps.setLong(2, setId);
                ps.executeUpdate();
            }
            {
                PreparedStatement ps = stmt("UPDATE " + q(t.sqlTable) + " SET superseded_at = ? WHERE set_id = ?");
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

        /** A hole's trace changed: re-derive positions of its current interval rows in tables this batch left alone. */
        private void rederiveOtherTables(HoleData hole, long holeVersion, PreparedHole prepared, Long explicitValid,
                long valid) throws SQLException {
            for (String name : intervalTables()) {
                if (hole.intervals().containsKey(name)) {
                    continue;
                }
                TableInfo t = tableInfo(name);
                List<VersionRow> current = currentVersions("ga_interval_set", "table_name = ? AND hole_id = ?", name,
                        hole.holeId());
                VersionRow at = versionAt(current, valid);
                if (at == null) {
                    continue;
                }
                List<IntervalRow> rows = readSetRows(t, at.id);
                writeIntervalSet(t, hole.holeId(), holeVersion, prepared, rows, explicitValid, valid);
            }
        }

        private List<IntervalRow> readSetRows(TableInfo t, long setId) throws SQLException {
            List<IntervalRow> rows = new ArrayList<>();
            {
                PreparedStatement ps = stmt("SELECT * FROM " + q(t.sqlTable)
                    + " WHERE set_id = ? ORDER BY depth_from, fid");
                ps.setLong(1, setId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Object> vals = new ArrayList<>();
                        for (Column c : t.columns) {
                            vals.add(readValue(rs, c));
                        }
                        rows.add(new IntervalRow(rs.getDouble("depth_from"), rs.getDouble("depth_to"), vals));
                    }
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
                if (RESERVED.contains(c.name().toLowerCase(Locale.ROOT))) {
                    throw new InvalidContentException("interval table " + name + ": column name '" + c.name()
                            + "' is reserved; rename it in the mapping");
                }
            }
            TableInfo existing = findTable(name);
            if (existing == null) {
                for (String other : intervalTables()) {
                    if (other.equalsIgnoreCase(name)) {
                        throw new InvalidContentException("interval table '" + name + "' differs only in case from existing '"
                                + other + "'");
                    }
                }
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
            List<Column> cols = new ArrayList<>(existing.columns);
            for (Column c : batchColumns) {
                Column have = null;
                for (Column e : cols) {
                    if (e.name().equalsIgnoreCase(c.name())) {
                        have = e;
                    }
                }
                if (have == null) {
                    try (Statement s = conn.createStatement()) {
                        s.execute("ALTER TABLE " + q(existing.sqlTable) + " ADD COLUMN " + q(c.name()) + " "
                                + (c.type() == ColumnType.NUMBER ? "REAL" : "TEXT"));
                    }
                    {
                        PreparedStatement ps = stmt("INSERT INTO ga_interval_column VALUES (?, ?, ?, ?)");
                        ps.setString(1, name);
                        ps.setInt(2, cols.size());
                        ps.setString(3, c.name());
                        ps.setString(4, c.type().name());
                        ps.executeUpdate();
                    }
                    cols.add(c);
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
            return new TableInfo(name, existing.sqlTable, cols, map);
        }

        private Map<String, Object> timesOverride(long validFrom, long validTo) {
            Map<String, Object> m = new HashMap<>();
            m.put("valid_from", validFrom);
            m.put("valid_to", validTo);
            m.put("recorded_at", now);
            m.put("superseded_at", OPEN);
            return m;
        }
    }

    @FunctionalInterface
    private interface Copier {
        void copy(long oldId, long validFrom, long validTo) throws SQLException;
    }

    /** A current version of a hole or interval set: id, valid period, content hash. */
    private record VersionRow(long id, long validFrom, long validTo, String hash) {
    }

    private List<VersionRow> currentVersions(String table, String where, String... args) throws SQLException {
        String idCol = table.equals("boreholes") ? "fid" : "id";
        List<VersionRow> out = new ArrayList<>();
        {
            PreparedStatement ps = stmt("SELECT " + idCol + ", valid_from, valid_to, content_hash FROM "
                + table + " WHERE " + where + " AND superseded_at = " + OPEN + " ORDER BY valid_from");
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VersionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /**
     * R*Tree entries of a trace: pieces of at most {@link #TRACE_PIECE_LENGTH} metres along the polyline (a piece
     * has at least one segment), with ids {@code traceId << TRACE_PIECE_BITS | piece}.
     */
    private static void addTracePieces(BoxBuffer buffer, long traceId, double[] line) {
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

    /** The explicit valid time, else the valid start of the current state (a correction), else {@code fallback}. */
    private static long validFor(Long explicit, List<VersionRow> current, long fallback) {
        if (explicit != null) {
            return explicit;
        }
        long earliest = Long.MAX_VALUE;
        for (VersionRow r : current) {
            earliest = Math.min(earliest, r.validFrom);
        }
        return current.isEmpty() ? fallback : earliest;
    }

    private static VersionRow versionAt(List<VersionRow> rows, long t) {
        for (VersionRow r : rows) {
            if (r.validFrom <= t && t < r.validTo) {
                return r;
            }
        }
        return null;
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

    // ------------------------------------------------------------------------------------------------ catalog

    /** An interval table: SQL names, columns, and how a batch's column order maps onto the table's. */
    private record TableInfo(String name, String sqlTable, List<Column> columns, int[] batchIndex) {
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

    private TableInfo findTable(String name) {
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

    private TableInfo tableInfo(String name) {
        TableInfo t = findTable(name);
        if (t == null) {
            throw new InvalidContentException("table: no interval table '" + name + "' in this workspace (have "
                    + intervalTables() + ")");
        }
        return t;
    }

    @Override
    public List<String> intervalTables() {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM ga_interval_table ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw storage(e);
        }
        return out;
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
        long v = s.time().valid().map(SqliteStore::micros).orElseGet(this::nowMicros);
        long r = s.time().recorded().map(SqliteStore::micros).orElseGet(this::nowMicros);
        params.add(r);
        params.add(r);
        params.add(v);
        params.add(v);
        return alias + ".recorded_at <= ? AND " + alias + ".superseded_at > ? AND " + alias + ".valid_from <= ? AND "
                + alias + ".valid_to > ?";
    }

    private static String holeCondition(String alias, Selection s, List<Object> params) {
        if (s.holeIds().isEmpty()) {
            return "";
        }
        params.addAll(s.holeIds());
        return " AND " + alias + ".hole_id IN (" + "?, ".repeat(s.holeIds().size() - 1) + "?)";
    }

    private static String boxCondition(String alias, SpatialFilter f, List<Object> params) {
        var b = f.searchBox();
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
    public Stream<HoleVersion> boreholes(Selection s) {
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
        } else {
            sql = "SELECT b.* FROM boreholes b WHERE " + timeCondition("b", s, params) + holeCondition("b", s, params)
                    + " ORDER BY b.hole_id, b.valid_from";
        }
        SpatialFilter f = s.spatial().orElse(null);
        return query(sql, params, rs -> {
            if (f != null) {
                double[] line = unpack(rs.getBytes("coords"));
                if (!f.matches(line, rs.getInt("n_points"))) {
                    return null;
                }
            }
            return holeVersion(rs);
        });
    }

    private HoleVersion holeVersion(ResultSet rs) throws SQLException {
        long id = rs.getLong("fid");
        Collar collar = new Collar(rs.getString("hole_id"), rs.getDouble("x"), rs.getDouble("y"), rs.getDouble("z"),
                nullableDouble(rs, "total_depth"), nullableDouble(rs, "azimuth"), nullableDouble(rs, "dip"));
        List<SurveyStation> survey = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT depth, azimuth, dip FROM surveys WHERE hole_version = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet r2 = ps.executeQuery()) {
                while (r2.next()) {
                    survey.add(new SurveyStation(r2.getDouble(1), r2.getDouble(2), r2.getDouble(3)));
                }
            }
        }
        return new HoleVersion(id, collar, survey, DesurveyMethod.parse(rs.getString("desurvey_method")),
                period(rs.getLong("valid_from"), rs.getLong("valid_to")),
                period(rs.getLong("recorded_at"), rs.getLong("superseded_at")), rs.getLong("ingest_id"));
    }

    @Override
    public Stream<StationRecord> stations(Selection s) {
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
        }
        SpatialFilter f = s.spatial().orElse(null);
        double[] pt = new double[3];
        return query("SELECT v.* FROM " + from + " WHERE " + where + " ORDER BY v.hole_id, v.depth", params, rs -> {
            pt[0] = rs.getDouble("x");
            pt[1] = rs.getDouble("y");
            pt[2] = rs.getDouble("z");
            if (f != null && !f.matches(pt, 1)) {
                return null;
            }
            return new StationRecord(rs.getString("hole_id"), rs.getDouble("depth"), rs.getDouble("azimuth"),
                    rs.getDouble("dip"), pt[0], pt[1], pt[2]);
        });
    }

    @Override
    public Stream<IntervalRecord> intervals(String table, Selection s) {
        TableInfo t = tableInfo(table);
        if (s.spatial().isPresent()) {
            return intervalsBySpace(t, s);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(intervalColumns(t)).append(" FROM ").append(q(t.sqlTable))
                .append(" i WHERE ").append(timeCondition("i", s, params)).append(holeCondition("i", s, params));
        for (AttributePredicate p : s.predicates()) {
            sql.append(" AND ").append(predicateSql(t, p, params));
        }
        sql.append(" ORDER BY i.hole_id, i.depth_from, i.fid");
        double[] line = new double[9];
        return query(sql.toString(), params, rs -> {
            decodeLine(rs.getBytes(4), line);
            return intervalRecord(t, rs, line);
        });
    }

    /**
     * Spatial selections: R*Tree candidates are chunks of up to 32 rows; each chunk's blob is decoded, and every row
     * is refined in double and tested against the attribute predicates in Java (SQLite's semantics).
     */
    private Stream<IntervalRecord> intervalsBySpace(TableInfo t, Selection s) {
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
        double[] line = new double[9];
        List<String> names = List.of(t.columns.stream().map(Column::name).toArray(String[]::new));
        return query(sql, params, rs -> {
            String hole = rs.getString(1);
            Period valid = period(rs.getLong(2), rs.getLong(3));
            Period recorded = period(rs.getLong(4), rs.getLong(5));
            IntervalChunks.Decoded d = IntervalChunks.decode(rs.getBytes(6), t.columns);
            List<IntervalRecord> out = new ArrayList<>(d.rows);
            for (int i = 0; i < d.rows; i++) {
                int o = 9 * i;
                // from -> mid -> to
                line[0] = d.positions[o];
                line[1] = d.positions[o + 1];
                line[2] = d.positions[o + 2];
                line[3] = d.positions[o + 6];
                line[4] = d.positions[o + 7];
                line[5] = d.positions[o + 8];
                line[6] = d.positions[o + 3];
                line[7] = d.positions[o + 4];
                line[8] = d.positions[o + 5];
                if (!f.matches(line, 3) || !RowPredicate.all(predicates, d.values[i])) {
                    continue;
                }
                out.add(new IntervalRecord(t.name, hole, d.fromTo[2 * i], d.fromTo[2 * i + 1],
                        ColumnValues.of(names, d.values[i]),
                        java.util.Arrays.copyOfRange(d.positions, o, o + 9), valid, recorded));
            }
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
        Column col = null;
        for (Column c : t.columns) {
            if (c.name().equalsIgnoreCase(p.column())) {
                col = c;
            }
        }
        if (col == null) {
            throw new InvalidContentException("where: table " + t.name + " has no column '" + p.column() + "' (columns: "
                    + t.columns.stream().map(Column::name).toList() + ")");
        }
        String c = "i." + q(col.name());
        switch (p.op()) {
            case IS_NULL:
                return c + " IS NULL";
            case NOT_NULL:
                return c + " IS NOT NULL";
            case IN:
                for (String v : p.values()) {
                    params.add(typed(col, v, p));
                }
                return c + " IN (" + "?, ".repeat(p.values().size() - 1) + "?)";
            default:
                params.add(typed(col, p.values().get(0), p));
                return c + " " + p.op().sql() + " ?";
        }
    }

    private static Object typed(Column col, String v, AttributePredicate p) {
        if (col.type() == ColumnType.TEXT) {
            return v;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidContentException("where '" + p + "': column " + col.name() + " is numeric and '" + v
                + "' is not a number");
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

    private static Object readValue(ResultSet rs, Column c) throws SQLException {
        Object o = rs.getObject(c.name());
        if (o == null) {
            return null;
        }
        return c.type() == ColumnType.NUMBER ? (Object) ((Number) o).doubleValue() : o.toString();
    }

    @Override
    public List<String> holeIds() {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT hole_id FROM boreholes ORDER BY hole_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw storage(e);
        }
        return out;
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
        List<IngestRecord> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM ga_ingest ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong("id");
                List<SourceFile> sources = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT role, name, sha256, rows FROM ga_ingest_source WHERE ingest_id = ? ORDER BY seq")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            sources.add(new SourceFile(r2.getString(1), r2.getString(2), r2.getString(3), r2.getLong(4)));
                        }
                    }
                }
                Map<String, String> params = new LinkedHashMap<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT key, value FROM ga_ingest_parameter WHERE ingest_id = ? ORDER BY key")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            params.put(r2.getString(1), r2.getString(2));
                        }
                    }
                }
                List<String> warnings = new ArrayList<>();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT message FROM ga_ingest_warning WHERE ingest_id = ? ORDER BY seq")) {
                    ps.setLong(1, id);
                    try (ResultSet r2 = ps.executeQuery()) {
                        while (r2.next()) {
                            warnings.add(r2.getString(1));
                        }
                    }
                }
                out.add(new IngestRecord(id, instant(rs.getLong("recorded_at")), rs.getString("kind"),
                        new Provenance(sources, rs.getString("user_name"), params, warnings), rs.getInt("holes_new"),
                        rs.getInt("holes_changed"), rs.getInt("holes_unchanged"), rs.getLong("interval_rows")));
            }
        } catch (SQLException e) {
            throw storage(e);
        }
        return out;
    }

    @Override
    public WorkspaceStats stats() {
        Selection cur = Selection.all();
        List<Object> p = new ArrayList<>();
        String tc = timeCondition("b", cur, p);
        long holes = count("SELECT count(*) FROM boreholes b WHERE " + tc, p);
        long versions = count("SELECT count(*) FROM boreholes", List.of());
        long stations = count("SELECT count(*) FROM surveys b WHERE " + tc, p);
        Map<String, Long> rows = new TreeMap<>();
        for (String t : intervalTables()) {
            rows.put(t, count("SELECT count(*) FROM " + q(tableInfo(t).sqlTable) + " b WHERE " + tc, p));
        }
        long ingests = count("SELECT count(*) FROM ga_ingest", List.of());
        return new WorkspaceStats(holes, versions, stations, rows, ingests);
    }

    private long count(String sql, List<Object> params) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw storage(e);
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

    @FunctionalInterface
    private interface RowMapper<T> {
        /** The row as a result, or null to skip it (refine step). */
        T map(ResultSet rs) throws SQLException;
    }

    /** A lazily read, filtered stream over a query; closing the stream closes the cursor. */
    private <T> Stream<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        try {
            PreparedStatement ps = conn.prepareStatement(sql);
            bind(ps, params);
            ResultSet rs = ps.executeQuery();
            Spliterator<T> split = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    try {
                        while (rs.next()) {
                            T t = mapper.map(rs);
                            if (t != null) {
                                action.accept(t);
                                return true;
                            }
                        }
                        return false;
                    } catch (SQLException e) {
                        throw storage(e);
                    }
                }
            };
            return StreamSupport.stream(split, false).onClose(() -> {
                try {
                    rs.close();
                    ps.close();
                } catch (SQLException e) {
                    throw storage(e);
                }
            });
        } catch (SQLException e) {
            throw storage(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int k = 1;
        for (Object o : params) {
            if (o instanceof Long l) {
                ps.setLong(k++, l);
            } else if (o instanceof Double d) {
                ps.setDouble(k++, d);
            } else {
                ps.setString(k++, (String) o);
            }
        }
    }

    private StorageException storage(SQLException e) {
        return new StorageException("workspace " + file + ": " + e.getMessage(), e);
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setTimes(PreparedStatement ps, int k, long vf, long vt, long ra, long sa) throws SQLException {
        ps.setLong(k, vf);
        ps.setLong(k + 1, vt);
        ps.setLong(k + 2, ra);
        ps.setLong(k + 3, sa);
    }

    private static void setNullable(PreparedStatement ps, int k, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(k, Types.DOUBLE);
        } else {
            ps.setDouble(k, v);
        }
    }

    private static double nullableDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static Period period(long from, long to) {
        return new Period(instant(from), to == OPEN ? null : instant(to));
    }

    private static byte[] pack(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    private static double[] unpack(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[bytes.length / 8];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getDouble();
        }
        return v;
    }

    /** Quotes an SQL identifier (names are validated before they get here). */
    private static String q(String ident) {
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
