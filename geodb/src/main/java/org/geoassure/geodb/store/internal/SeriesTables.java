package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.geodb.store.internal.Bitemporal.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.series.Bin;
import org.geoassure.geodb.series.Gap;
import org.geoassure.geodb.series.LastValue;
import org.geoassure.geodb.series.Readings;
import org.geoassure.geodb.series.Station;
import org.geoassure.geodb.series.StationKind;
import org.geoassure.geodb.store.SeriesStore.SeriesCounts;

/**
 * Monitoring series in SQL (schema version 4). Table {@code series_station_key} gives each station id a small
 * integer key for good; {@code series_stations} holds one row per station version (record time only);
 * {@code series_readings} one row per reading version, clustered on (station key, time, record time) as a
 * {@code WITHOUT ROWID} table, so a range, a resample and a last-value lookup are each one ordered B-tree walk and a
 * batch of one station is appended in key order. A reading row names its ingest by its record time (unique in
 * {@code ga_ingest}) and has no foreign keys, to keep the row small and the insert cheap; the integrity check
 * covers both references. Times are UTC microseconds, {@link Bitemporal#OPEN} an open end.
 * Internal: for GeoAssure's engines only.
 */
public final class SeriesTables {
    private static final int MAX_NAMED = 10;

    private SeriesTables() {
    }

    /** DDL of the three tables (SQLite). */
    public static List<String> ddl() {
        return List.of("CREATE TABLE series_station_key (key INTEGER PRIMARY KEY, station_id TEXT NOT NULL UNIQUE)",
            "CREATE TABLE series_stations (fid INTEGER PRIMARY KEY AUTOINCREMENT, station_id TEXT NOT NULL, "
                + "station_key INTEGER NOT NULL REFERENCES series_station_key(key), name TEXT NOT NULL, kind TEXT NOT NULL, "
                + "x REAL, y REAL, z REAL, unit TEXT NOT NULL, watches TEXT NOT NULL, attributes TEXT NOT NULL, "
                + "ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), recorded_at INTEGER NOT NULL, "
                + "superseded_at INTEGER NOT NULL)",
            "CREATE INDEX series_stations_id ON series_stations (station_id, superseded_at)",
            "CREATE TABLE series_readings (station_key INTEGER NOT NULL, t INTEGER NOT NULL, "
                + "recorded_at INTEGER NOT NULL, value REAL NOT NULL, quality TEXT, superseded_at INTEGER NOT NULL, "
                + "PRIMARY KEY (station_key, t, recorded_at)) WITHOUT ROWID");
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** Writes stations as ingest {@code ingestId} at {@code now}; the caller holds the transaction. */
    public static IngestRecord writeStations(Connection c, long ingestId, long now, List<Station> stations,
            Provenance p) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (Station s : stations) {
            if (!seen.add(s.id())) {
                throw new InvalidContentException("station '" + s.id() + "' appears more than once in this ingest");
            }
        }
        logIngest(c, ingestId, now, "stations", p);
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        try (PreparedStatement cur = c.prepareStatement("SELECT fid, " + STATION_COLUMNS + " FROM series_stations "
                + "WHERE station_id = ? AND superseded_at = " + OPEN);
                PreparedStatement sup = c.prepareStatement("UPDATE series_stations SET superseded_at = ? WHERE fid = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO series_stations (station_id, station_key, name, "
                        + "kind, x, y, z, unit, watches, attributes, ingest_id, recorded_at, superseded_at) VALUES "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Station s : stations) {
                cur.setString(1, s.id());
                long fid = -1;
                Station old = null;
                try (ResultSet rs = cur.executeQuery()) {
                    if (rs.next()) {
                        fid = rs.getLong(1);
                        old = station(rs, 2);
                    }
                }
                if (old != null && old.sameContent(s)) {
                    unchanged++;
                    continue;
                }
                if (old != null) {
                    sup.setLong(1, now);
                    sup.setLong(2, fid);
                    sup.executeUpdate();
                    changed++;
                } else {
                    added++;
                }
                ins.setString(1, s.id());
                ins.setLong(2, key(c, s.id()));
                ins.setString(3, s.name());
                ins.setString(4, s.kind().label());
                setNullable(ins, 5, s.x());
                setNullable(ins, 6, s.y());
                setNullable(ins, 7, s.z());
                ins.setString(8, s.unit());
                ins.setString(9, s.watches());
                ins.setString(10, encode(s.attributes()));
                ins.setLong(11, ingestId);
                ins.setLong(12, now);
                ins.setLong(13, OPEN);
                ins.executeUpdate();
            }
        }
        finishIngest(c, ingestId, added, changed, unchanged, added + changed);
        return new IngestRecord(ingestId, instant(now), "stations", p, added, changed, unchanged, added + changed);
    }

    /**
     * Writes readings as ingest {@code ingestId} at {@code now}; the caller holds the transaction and rolls back
     * when this throws. Every station is checked before anything is written.
     */
    public static IngestRecord writeReadings(Connection c, long ingestId, long now, List<Readings> batches,
            Provenance p) throws SQLException {
        Map<String, Long> keys = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.key FROM series_station_key k JOIN series_stations s "
                + "ON s.station_key = k.key AND s.superseded_at = " + OPEN + " WHERE k.station_id = ?")) {
            for (Readings r : batches) {
                if (keys.containsKey(r.stationId())) {
                    continue;
                }
                ps.setString(1, r.stationId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new InvalidContentException("station '" + r.stationId() + "' is not in the workspace; "
                                + "ingest it first (geoassure ingest WS stations FILE.csv)" + known(c));
                    }
                    keys.put(r.stationId(), rs.getLong(1));
                }
            }
        }
        logIngest(c, ingestId, now, "readings", p);
        long added = 0;
        long corrected = 0;
        long unchanged = 0;
        try (PreparedStatement cur = c.prepareStatement("SELECT t, value, quality, recorded_at FROM series_readings "
                + "WHERE station_key = ? AND t >= ? AND t <= ? AND superseded_at = " + OPEN + " ORDER BY t");
                PreparedStatement sup = c.prepareStatement("UPDATE series_readings SET superseded_at = ? "
                        + "WHERE station_key = ? AND t = ? AND recorded_at = ?");
                PreparedStatement ins = c.prepareStatement("INSERT INTO series_readings (station_key, t, recorded_at, "
                        + "value, quality, superseded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Readings r : batches) {
                int n = r.size();
                if (n == 0) {
                    continue;
                }
                long key = keys.get(r.stationId());
                cur.setLong(1, key);
                cur.setLong(2, r.time(0));
                cur.setLong(3, r.time(n - 1));
                List<long[]> oldTimes = new ArrayList<>();
                List<Object[]> oldValues = new ArrayList<>();
                try (ResultSet rs = cur.executeQuery()) {
                    while (rs.next()) {
                        long rec = rs.getLong(4);
                        if (rec == now) {
                            throw new InvalidContentException("readings of " + r.stationId() + ": time "
                                    + instant(rs.getLong(1)) + " is given twice in this ingest");
                        }
                        oldTimes.add(new long[] {rs.getLong(1), rec});
                        oldValues.add(new Object[] {rs.getDouble(2), rs.getString(3)});
                    }
                }
                int j = 0;
                int pending = 0;
                for (int i = 0; i < n; i++) {
                    long t = r.time(i);
                    while (j < oldTimes.size() && oldTimes.get(j)[0] < t) {
                        j++;
                    }
                    String q = flag(r.quality(i));
                    if (j < oldTimes.size() && oldTimes.get(j)[0] == t) {
                        Object[] old = oldValues.get(j);
                        if (Double.compare((Double) old[0], r.value(i)) == 0 && Objects.equals(old[1], q)) {
                            unchanged++;
                            continue;
                        }
                        sup.setLong(1, now);
                        sup.setLong(2, key);
                        sup.setLong(3, t);
                        sup.setLong(4, oldTimes.get(j)[1]);
                        sup.executeUpdate();
                        corrected++;
                    } else {
                        added++;
                    }
                    ins.setLong(1, key);
                    ins.setLong(2, t);
                    ins.setLong(3, now);
                    ins.setDouble(4, r.value(i));
                    if (q == null) {
                        ins.setNull(5, Types.VARCHAR);
                    } else {
                        ins.setString(5, q);
                    }
                    ins.setLong(6, OPEN);
                    ins.addBatch();
                    if (++pending == 4096) {
                        ins.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ins.executeBatch();
                }
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed: series_readings")
                    || "23505".equals(e.getSQLState())) { // SQLite's and PostgreSQL's unique violation
                throw new InvalidContentException("readings: a (station, time) is given twice in this ingest");
            }
            throw e;
        }
        long written = added + corrected;
        finishIngest(c, ingestId, (int) Math.min(Integer.MAX_VALUE, added), (int) Math.min(Integer.MAX_VALUE, corrected),
                (int) Math.min(Integer.MAX_VALUE, unchanged), written);
        return new IngestRecord(ingestId, instant(now), "readings", p, (int) added, (int) corrected, (int) unchanged,
                written);
    }

    private static String flag(String q) {
        return q == null || q.isEmpty() ? null : q;
    }

    private static void logIngest(Connection c, long ingestId, long now, String kind, Provenance p) throws SQLException {
        BitemporalWriter.logIngest(c, ingestId, now, kind, p, Map.of());
    }

    private static void finishIngest(Connection c, long ingestId, int added, int changed, int unchanged, long rows)
            throws SQLException {
        BitemporalWriter.ingestCounts(c, ingestId, added, changed, unchanged, rows);
    }

    private static long key(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM series_station_key WHERE station_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO series_station_key (station_id) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, id);
            ps.executeUpdate();
            return SqliteStore.generatedKey(ps);
        }
    }

    private static void setNullable(PreparedStatement ps, int k, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(k, Types.DOUBLE);
        } else {
            ps.setDouble(k, v);
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    private static final String STATION_COLUMNS = "station_id, name, kind, x, y, z, unit, watches, attributes";

    private static Station station(ResultSet rs, int k) throws SQLException {
        return new Station(rs.getString(k), rs.getString(k + 1), StationKind.parse(rs.getString(k + 2)),
                nullable(rs, k + 3), nullable(rs, k + 4), nullable(rs, k + 5), rs.getString(k + 6), rs.getString(k + 7),
                decode(rs.getString(k + 8)));
    }

    private static double nullable(ResultSet rs, int k) throws SQLException {
        double v = rs.getDouble(k);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Stations as of record time {@code r}, by id. */
    public static List<Station> stations(Connection c, long r) throws SQLException {
        List<Station> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STATION_COLUMNS + " FROM series_stations "
                + "WHERE recorded_at <= ? AND superseded_at > ? ORDER BY station_id")) {
            ps.setLong(1, r);
            ps.setLong(2, r);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(station(rs, 1));
                }
            }
        }
        return out;
    }

    /** One station as of record time {@code r}. */
    public static Optional<Station> station(Connection c, String id, long r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + STATION_COLUMNS + " FROM series_stations "
                + "WHERE station_id = ? AND recorded_at <= ? AND superseded_at > ?")) {
            ps.setString(1, id);
            ps.setLong(2, r);
            ps.setLong(3, r);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(station(rs, 1)) : Optional.empty();
            }
        }
    }

    /** The key of a station id, or an error naming some of the stations there are. */
    static long keyOf(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM series_station_key WHERE station_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        throw new InvalidContentException("station: no station '" + id + "' in this workspace" + known(c));
    }

    private static String known(Connection c) throws SQLException {
        List<String> ids = StoreReads.strings(c, "SELECT station_id FROM series_station_key ORDER BY station_id LIMIT "
                + (MAX_NAMED + 1));
        if (ids.isEmpty()) {
            return " (it has no stations)";
        }
        return " (stations: " + String.join(", ", ids.subList(0, Math.min(MAX_NAMED, ids.size())))
                + (ids.size() > MAX_NAMED ? ", ..." : "") + ")";
    }

    /** Receives readings in time order. */
    interface ReadingSink {
        void accept(long t, double value, String quality);
    }

    private static void scan(Connection c, long key, long from, long to, long r, ReadingSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t, value, quality FROM series_readings "
                + "WHERE station_key = ? AND t >= ? AND t < ? AND recorded_at <= ? AND superseded_at > ? ORDER BY t")) {
            ps.setLong(1, key);
            ps.setLong(2, from);
            ps.setLong(3, to);
            ps.setLong(4, r);
            ps.setLong(5, r);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getLong(1), rs.getDouble(2), rs.getString(3));
                }
            }
        }
    }

    /** Readings of a station in [from, to) as of record time {@code r}. */
    public static Readings readings(Connection c, String id, long from, long to, long r) throws SQLException {
        long key = keyOf(c, id);
        long[][] t = {new long[1024]};
        double[][] v = {new double[1024]};
        String[][] q = {new String[1024]};
        int[] n = {0};
        boolean[] flags = {false};
        scan(c, key, from, to, r, (time, value, quality) -> {
            if (n[0] == t[0].length) {
                int cap = t[0].length * 2;
                t[0] = java.util.Arrays.copyOf(t[0], cap);
                v[0] = java.util.Arrays.copyOf(v[0], cap);
                q[0] = java.util.Arrays.copyOf(q[0], cap);
            }
            t[0][n[0]] = time;
            v[0][n[0]] = value;
            q[0][n[0]] = quality;
            flags[0] |= quality != null;
            n[0]++;
        });
        return new Readings(id, java.util.Arrays.copyOf(t[0], n[0]), java.util.Arrays.copyOf(v[0], n[0]),
                flags[0] ? java.util.Arrays.copyOf(q[0], n[0]) : null);
    }

    /** Resampled readings of a station in [from, to) as of record time {@code r}. */
    public static List<Bin> resample(Connection c, String id, long from, long to, Duration step, long r)
            throws SQLException {
        long width = stepMicros(step);
        long key = keyOf(c, id);
        List<Bin> out = new ArrayList<>();
        double[] acc = new double[6]; // sum, min, max, first, last, count
        long[] bin = {Long.MIN_VALUE};
        scan(c, key, from, to, r, (t, value, quality) -> {
            long start = Math.floorDiv(t, width) * width;
            if (start != bin[0]) {
                if (bin[0] != Long.MIN_VALUE) {
                    out.add(bin(bin[0], width, acc));
                }
                bin[0] = start;
                acc[0] = 0;
                acc[1] = value;
                acc[2] = value;
                acc[3] = value;
                acc[5] = 0;
            }
            acc[0] += value;
            acc[1] = Math.min(acc[1], value);
            acc[2] = Math.max(acc[2], value);
            acc[4] = value;
            acc[5]++;
        });
        if (bin[0] != Long.MIN_VALUE) {
            out.add(bin(bin[0], width, acc));
        }
        return out;
    }

    private static Bin bin(long start, long width, double[] acc) {
        long n = (long) acc[5];
        return new Bin(instant(start), instant(start + width), n, acc[0] / n, acc[1], acc[2], acc[0], acc[3], acc[4]);
    }

    private static long stepMicros(Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new InvalidContentException("--resample: the interval must be positive, got " + step);
        }
        try {
            long us = Math.addExact(Math.multiplyExact(step.getSeconds(), 1_000_000L), step.getNano() / 1000);
            if (us <= 0) {
                throw new InvalidContentException("--resample: the interval must be at least 1 microsecond");
            }
            return us;
        } catch (ArithmeticException e) {
            throw new InvalidContentException("--resample: the interval " + step + " is too long");
        }
    }

    /** The last reading at or before {@code at} of each station, as of record time {@code r}. */
    public static List<LastValue> lastValues(Connection c, Collection<String> ids, long at, long r)
            throws SQLException {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (String id : ids) {
            keys.put(id, keyOf(c, id));
        }
        List<LastValue> out = new ArrayList<>(keys.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT t, value, quality FROM series_readings "
                + "WHERE station_key = ? AND t <= ? AND recorded_at <= ? AND superseded_at > ? "
                + "ORDER BY t DESC LIMIT 1")) {
            ps.setLong(2, at);
            ps.setLong(3, r);
            ps.setLong(4, r);
            for (var e : keys.entrySet()) {
                ps.setLong(1, e.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(new LastValue(e.getKey(), instant(rs.getLong(1)), rs.getDouble(2), rs.getString(3)));
                    }
                }
            }
        }
        return out;
    }

    /** Gaps longer than {@code longerThan} between consecutive readings in [from, to), as of record time {@code r}. */
    public static List<Gap> gaps(Connection c, String id, long from, long to, Duration longerThan, long r)
            throws SQLException {
        if (longerThan.isNegative()) {
            throw new InvalidContentException("--gaps: the duration must not be negative, got " + longerThan);
        }
        long limit = stepMicros(longerThan.isZero() ? Duration.ofNanos(1000) : longerThan);
        long min = longerThan.isZero() ? 0 : limit;
        long key = keyOf(c, id);
        List<Gap> out = new ArrayList<>();
        long[] prev = {Long.MIN_VALUE};
        scan(c, key, from, to, r, (t, value, quality) -> {
            if (prev[0] != Long.MIN_VALUE && t - prev[0] > min) {
                out.add(new Gap(id, instant(prev[0]), instant(t)));
            }
            prev[0] = t;
        });
        return out;
    }

    /** Counts for {@code geoassure info}. */
    public static SeriesCounts counts(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT "
                + "(SELECT count(*) FROM series_stations WHERE superseded_at = " + OPEN + "), "
                + "(SELECT count(*) FROM series_readings WHERE superseded_at = " + OPEN + "), "
                + "(SELECT count(*) FROM series_readings)")) {
            rs.next();
            return new SeriesCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    // ------------------------------------------------------------------------------------------------ attributes

    /** key=value pairs, one per line; '\', newline and '=' in keys escaped with '\'. */
    static String encode(Map<String, String> attrs) {
        StringBuilder sb = new StringBuilder();
        for (var e : new TreeMap<>(attrs).entrySet()) {
            sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
        }
        return sb.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '\\' || (key && ch == '=')) {
                sb.append('\\').append(ch);
            } else if (ch == '\n') {
                sb.append("\\n");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> out = new TreeMap<>();
        StringBuilder cur = new StringBuilder();
        String key = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char nx = text.charAt(++i);
                cur.append(nx == 'n' ? '\n' : nx);
            } else if (ch == '=' && key == null) {
                key = cur.toString();
                cur.setLength(0);
            } else if (ch == '\n') {
                out.put(key == null ? cur.toString() : key, key == null ? "" : cur.toString());
                key = null;
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        return out;
    }
}
