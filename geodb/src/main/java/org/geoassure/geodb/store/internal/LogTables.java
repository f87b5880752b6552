package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.geodb.store.internal.Bitemporal.instant;
import static org.geoassure.geodb.store.internal.Bitemporal.period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.LogCurve;
import org.geoassure.geodb.model.LogData;
import org.geoassure.geodb.model.LogRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.query.Selection;

/**
 * Well logs in SQL, alike in every engine: table {@code logs} holds one row per log version (hole, name, source file,
 * depths as one packed little-endian double blob, the four time columns), table {@code log_curves} one row per curve
 * of a version (mnemonic, unit, description, values as one packed blob, NaN for null). A log is read and written
 * whole, so a blob per curve keeps it compact (8 bytes a sample), exact to the bit (NaN included) and one row per
 * curve instead of one per sample. Internal: for GeoAssure's engines only.
 *
 * <p>Versioning: a log is identified by hole id and log name. Ingesting different content under the same identity
 * closes the record period of the current version and opens a new one; identical content writes nothing. The valid
 * period starts at the valid start of the hole version current at ingest and stays open.
 */
public final class LogTables {
    private LogTables() {
    }

    /**
     * DDL of the two tables: {@code id} and {@code bigint} are the engine's 64-bit integer types (key, plain),
     * {@code blob} its byte-string type, {@code text} its ordered text type.
     */
    public static List<String> ddl(String id, String bigint, String blob, String text) {
        return List.of("CREATE TABLE logs (fid " + id + " PRIMARY KEY, hole_id " + text + " NOT NULL, log_name " + text
                + " NOT NULL, hole_version " + id + " NOT NULL REFERENCES boreholes(fid), depth_unit text NOT NULL, "
                + "n_samples integer NOT NULL, depths " + blob + " NOT NULL, content_hash text NOT NULL, "
                + "source_role text NOT NULL, source_name text NOT NULL, source_sha256 text NOT NULL, ingest_id " + id
                + " NOT NULL REFERENCES ga_ingest(id), valid_from " + bigint + " NOT NULL, valid_to " + bigint
                + " NOT NULL, recorded_at " + bigint + " NOT NULL, superseded_at " + bigint + " NOT NULL)",
            "CREATE INDEX logs_hole ON logs (hole_id, log_name, superseded_at)",
            "CREATE TABLE log_curves (log_fid " + id + " NOT NULL REFERENCES logs(fid), seq integer NOT NULL, "
                + "mnemonic text NOT NULL, unit text NOT NULL, description text NOT NULL, data " + blob + " NOT NULL, "
                + "PRIMARY KEY (log_fid, seq))");
    }

    /**
     * Writes the logs as ingest {@code ingestId} recorded at {@code now}; the caller holds the transaction and rolls it
     * back when this throws. Every hole is checked before anything is written.
     */
    public static IngestRecord write(Connection c, long ingestId, long now, List<LogData> logs, Provenance p)
            throws SQLException {
        Set<String> seen = new HashSet<>();
        long[] holeVersion = new long[logs.size()];
        long[] validFrom = new long[logs.size()];
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, valid_from FROM boreholes WHERE hole_id = ? "
                + "AND recorded_at <= ? AND superseded_at > ? AND valid_from <= ? AND valid_to > ? "
                + "ORDER BY valid_from DESC")) {
            for (int i = 0; i < logs.size(); i++) {
                LogData l = logs.get(i);
                if (!seen.add(l.holeId() + "\u0000" + l.name())) {
                    throw new InvalidContentException(l.source().name() + ": log '" + l.name() + "' of hole '"
                            + l.holeId() + "' appears more than once in this ingest; give each a distinct name");
                }
                ps.setString(1, l.holeId());
                for (int k = 2; k <= 5; k++) {
                    ps.setLong(k, now);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new InvalidContentException(l.source().name() + ": hole '" + l.holeId()
                                + "' is not in the workspace's current state; ingest its collar first (or map the "
                                + "file to another hole)");
                    }
                    holeVersion[i] = rs.getLong(1);
                    validFrom[i] = rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest (id, recorded_at, kind, user_name, "
                + "holes_new, holes_changed, holes_unchanged, interval_rows) VALUES (?, ?, 'logs', ?, 0, 0, 0, 0)")) {
            ps.setLong(1, ingestId);
            ps.setLong(2, now);
            ps.setString(3, p.user());
            ps.executeUpdate();
        }
        BitemporalWriter.insertProvenance(c, ingestId, p, java.util.Map.of());
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        long samples = 0;
        long fid = maxFid(c);
        for (int i = 0; i < logs.size(); i++) {
            LogData l = logs.get(i);
            String hash = l.contentHash();
            long current = -1;
            String currentHash = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT fid, content_hash FROM logs WHERE hole_id = ? "
                    + "AND log_name = ? AND superseded_at = " + OPEN)) {
                ps.setString(1, l.holeId());
                ps.setString(2, l.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getLong(1);
                        currentHash = rs.getString(2);
                    }
                }
            }
            if (hash.equals(currentHash)) {
                unchanged++;
                continue;
            }
            if (current >= 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE logs SET superseded_at = ? WHERE fid = ?")) {
                    ps.setLong(1, now);
                    ps.setLong(2, current);
                    ps.executeUpdate();
                }
                replaced++;
            } else {
                added++;
            }
            insert(c, ++fid, ingestId, holeVersion[i], validFrom[i], now, l, hash);
            samples += l.samples();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE ga_ingest SET holes_new = ?, holes_changed = ?, "
                + "holes_unchanged = ?, interval_rows = ? WHERE id = ?")) {
            ps.setInt(1, added);
            ps.setInt(2, replaced);
            ps.setInt(3, unchanged);
            ps.setLong(4, samples);
            ps.setLong(5, ingestId);
            ps.executeUpdate();
        }
        return new IngestRecord(ingestId, instant(now), "logs", p, added, replaced, unchanged, samples);
    }

    private static long maxFid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(fid), 0) FROM logs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection c, long fid, long ingestId, long holeVersion, long validFrom, long now,
            LogData l, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO logs (fid, hole_id, log_name, hole_version, "
                + "depth_unit, n_samples, depths, content_hash, source_name, source_sha256, ingest_id, valid_from, "
                + "valid_to, recorded_at, superseded_at, source_role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, fid);
            ps.setString(2, l.holeId());
            ps.setString(3, l.name());
            ps.setLong(4, holeVersion);
            ps.setString(5, l.sourceDepthUnit());
            ps.setInt(6, l.samples());
            ps.setBytes(7, LogData.pack(l.depths()));
            ps.setString(8, hash);
            ps.setString(9, l.source().name());
            ps.setString(10, l.source().sha256());
            ps.setLong(11, ingestId);
            ps.setLong(12, validFrom);
            ps.setLong(13, OPEN);
            ps.setLong(14, now);
            ps.setLong(15, OPEN);
            ps.setString(16, l.source().role());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_curves (log_fid, seq, mnemonic, unit, "
                + "description, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            List<double[]> values = l.values();
            for (int k = 0; k < l.curves().size(); k++) {
                LogCurve cv = l.curves().get(k);
                ps.setLong(1, fid);
                ps.setInt(2, k);
                ps.setString(3, cv.mnemonic());
                ps.setString(4, cv.unit());
                ps.setString(5, cv.description());
                ps.setBytes(6, LogData.pack(values.get(k)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Log versions in the selection's time slice, ordered by hole id then log name. A spatial filter selects the holes
     * {@code spatialHoles} returns for it; attribute predicates are refused.
     */
    public static Stream<LogRecord> read(Connection c, Selection s, long now, Function<Selection, Set<String>> spatialHoles,
            Function<SQLException, RuntimeException> error) {
        if (!s.predicates().isEmpty()) {
            throw new InvalidContentException("where: attribute predicates apply to interval tables, not to logs");
        }
        List<Object> params = new ArrayList<>();
        String sql = "SELECT l.fid, l.hole_id, l.log_name, l.depth_unit, l.depths, l.source_name, l.source_sha256, "
                + "l.n_samples, l.ingest_id, l.valid_from, l.valid_to, l.recorded_at, l.superseded_at, l.source_role FROM logs l WHERE "
                + StoreReads.timeCondition("l", s, now, params) + StoreReads.holeCondition("l", s, params);
        if (s.spatial().isPresent()) {
            Set<String> holes = spatialHoles.apply(s);
            if (holes.isEmpty()) {
                return Stream.empty();
            }
            sql += " AND l.hole_id IN (" + "?, ".repeat(holes.size() - 1) + "?)";
            params.addAll(holes.stream().sorted().toList());
        }
        return StoreReads.query(c, sql + " ORDER BY l.hole_id, l.log_name, l.valid_from", params, rs -> {
            List<LogCurve> curves = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT mnemonic, unit, description, data FROM log_curves "
                    + "WHERE log_fid = ? ORDER BY seq")) {
                ps.setLong(1, rs.getLong(1));
                try (ResultSet r2 = ps.executeQuery()) {
                    while (r2.next()) {
                        curves.add(new LogCurve(r2.getString(1), r2.getString(2), r2.getString(3)));
                        values.add(LogData.unpack(r2.getBytes(4)));
                    }
                }
            }
            LogData data = new LogData(rs.getString(2), rs.getString(3), rs.getString(4), curves,
                    LogData.unpack(rs.getBytes(5)), values,
                    new org.geoassure.geodb.model.SourceFile(rs.getString(14), rs.getString(6), rs.getString(7), rs.getLong(8)));
            return new LogRecord(data, period(rs.getLong(10), rs.getLong(11)), period(rs.getLong(12), rs.getLong(13)),
                    rs.getLong(9));
        }, error);
    }

    /** Holes of {@code store} whose trace passes the selection's spatial filter, in its time slice. */
    public static Set<String> spatialHoles(org.geoassure.geodb.store.WorkspaceStore store, Selection s) {
        Selection holes = Selection.all().holes(s.holeIds()).within(s.spatial().orElseThrow());
        if (s.time().valid().isPresent()) {
            holes = holes.asOf(s.time().valid().get());
        }
        if (s.time().recorded().isPresent()) {
            holes = holes.recordedAsOf(s.time().recorded().get());
        }
        try (Stream<org.geoassure.geodb.model.HoleVersion> st = store.boreholes(holes)) {
            return st.map(h -> h.collar().holeId()).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Names of the current logs of a hole, sorted. */
    public static List<String> names(Connection c, String holeId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT log_name FROM logs WHERE hole_id = ? AND superseded_at = "
                + OPEN + " ORDER BY log_name")) {
            ps.setString(1, holeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
