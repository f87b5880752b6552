package org.geoassure.geodb.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.geoassure.geodb.model.Column;

/**
 * Moves every row of a workspace, history included, into an empty workspace on the same or the other engine: the
 * rows of each table keep their ids, record times, valid times and supersessions, so every time slice, the ingest
 * log and every block-model version read the same afterwards. Both engines hold the same logical tables; this class
 * names them ({@link #tables}) in the order their references need, and each engine says how it stores them (an
 * {@link Endpoint}): column names that differ, geometry it keeps in its own form, and what it derives from the rows
 * (R*Trees, interval chunks and GeoPackage extents in the embedded engine; mesh surfaces and identity sequences in
 * PostGIS), which it rebuilds at the end instead of copying. Internal.
 *
 * <p>The canonical form of a row is the values of its {@linkplain Table#columns columns} as JDBC reads them from the
 * embedded engine (integers, doubles, text, bytes), with three exceptions an endpoint converts to and from:
 * {@code traces.coords} is the trace as packed little-endian doubles; {@code features.geom} is the GeoPackage blob
 * of the geometry ({@link FeatureCodec#geometry}); {@code features.attributes} is the attribute map.
 */
public final class Transfer {
    private static final List<String> TIMES = List.of("valid_from", "valid_to", "recorded_at", "superseded_at");
    private static final int BATCH = 1000;

    private Transfer() {
    }

    /**
     * A logical table: its canonical columns and the key that orders its rows.
     *
     * @param name the table's name (for an interval table: its name in {@code ga_interval_table}, see
     *     {@link #interval})
     * @param interval the interval table's catalogue entry, or null for the fixed tables
     */
    public record Table(String name, List<String> columns, List<String> key, IntervalTable interval) {
        public Table {
            columns = List.copyOf(columns);
            key = List.copyOf(key);
        }

        /** Index of canonical column {@code c}. */
        public int index(String c) {
            int i = columns.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException(name + " has no column " + c);
            }
            return i;
        }

        @Override
        public String toString() {
            return interval == null ? name : "interval table " + interval.name();
        }
    }

    /** An interval table: its name and its attribute columns in table order. */
    public record IntervalTable(String name, List<Column> columns) {
    }

    /** An INSERT of canonical rows into an engine's table: the statement and how a row becomes its parameters. */
    public record Insert(String sql, Binder binder) {
    }

    /** Binds one canonical row to an INSERT's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps, Object[] row) throws SQLException;
    }

    /** A workspace store that can take part in a copy. */
    public interface Participant {
        /** The store as one side of a copy. */
        Endpoint transfer();
    }

    /** One side of a copy: an engine's workspace. */
    public interface Endpoint {
        /** The workspace's connection; reads and the import run on it. */
        Connection connection();

        /** A name for messages (file or schema). */
        String label();

        /** The interval tables, each with its columns in table order. */
        List<IntervalTable> intervalTables() throws SQLException;

        /** The SQL (from alias {@code t}) reading the canonical columns of {@code table}, in key order. */
        String select(Table table) throws SQLException;

        /** Turns the values {@link #select} read into the canonical row, in place. */
        default void toCanonical(Table table, Object[] row) throws SQLException {
        }

        /** Starts a consistent read of the whole workspace (one snapshot). */
        void beginRead() throws SQLException;

        /** Ends the read {@link #beginRead} started. */
        void endRead() throws SQLException;

        /** Starts the import transaction; refuses a workspace that already holds an ingest. */
        void beginImport() throws SQLException;

        /** Makes an interval table with these columns, as the engine's first ingest into it would. */
        void createIntervalTable(IntervalTable table) throws SQLException;

        /** Prepares for readings with times in [{@code minT}, {@code maxT}] (PostGIS: the yearly partitions). */
        default void prepareReadings(long minT, long maxT) throws SQLException {
        }

        /** The INSERT of canonical rows into {@code table}. */
        Insert insert(Table table) throws SQLException;

        /** Rebuilds what the engine derives from the rows, still in the import transaction. */
        void finishImport() throws SQLException;
    }

    /** What a copy did: rows per table and the canonical digest both sides gave. */
    public record Report(Map<String, Long> rows, String digest) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The fixed tables before the interval tables. */
    private static final List<Table> HEAD = List.of(
            fixed("ga_ingest", List.of("id", "recorded_at", "kind", "user_name", "holes_new", "holes_changed",
                    "holes_unchanged", "interval_rows"), "id"),
            fixed("ga_ingest_source", List.of("ingest_id", "seq", "role", "name", "sha256", "rows"), "ingest_id", "seq"),
            fixed("ga_ingest_parameter", List.of("ingest_id", "key", "value"), "ingest_id", "key"),
            fixed("ga_ingest_warning", List.of("ingest_id", "seq", "message"), "ingest_id", "seq"),
            fixed("boreholes", withTimes("fid", "hole_id", "x", "y", "z", "total_depth", "azimuth", "dip",
                    "desurvey_method", "content_hash", "end_depth", "ingest_id"), "fid"),
            fixed("surveys", withTimes("fid", "hole_version", "hole_id", "seq", "depth", "azimuth", "dip", "x", "y", "z"),
                    "fid"),
            fixed("traces", withTimes("fid", "hole_version", "hole_id", "n_points", "coords"), "fid"),
            fixed("ga_interval_set", withTimes("id", "table_name", "hole_id", "hole_version", "content_hash", "n_rows",
                    "ingest_id"), "id"));

    /** The fixed tables after the interval tables. */
    private static final List<Table> TAIL = List.of(
            fixed("logs", withTimes("fid", "hole_id", "log_name", "hole_version", "depth_unit", "n_samples", "depths",
                    "content_hash", "source_role", "source_name", "source_sha256", "ingest_id"), "fid"),
            fixed("log_curves", List.of("log_fid", "seq", "mnemonic", "unit", "description", "data"), "log_fid", "seq"),
            fixed("features", withTimes("fid", "geom", "layer", "feature_id", "name", "kind", "role", "mesh",
                    "attributes", "content_hash", "min_x", "min_y", "min_z", "max_x", "max_y", "max_z", "ingest_id"),
                    "fid"),
            fixed("series_station_key", List.of("key", "station_id"), "key"),
            fixed("series_stations", List.of("fid", "station_id", "station_key", "name", "kind", "x", "y", "z", "unit",
                    "watches", "attributes", "ingest_id", "recorded_at", "superseded_at"), "fid"),
            fixed("series_readings", List.of("station_key", "t", "recorded_at", "value", "quality", "superseded_at"),
                    "station_key", "t", "recorded_at"),
            fixed("ga_block_model", List.of("id", "name", "version", "parent", "ingest_id", "recorded_at", "user_name",
                    "comment", "origin_x", "origin_y", "origin_z", "rotation", "dx", "dy", "dz", "nx", "ny", "nz",
                    "brick_size", "cells", "bricks"), "id"),
            fixed("ga_block_attribute", List.of("model_id", "seq", "name", "type", "blob_format"), "model_id", "seq"),
            fixed("ga_block_category", List.of("model_id", "attr_seq", "code", "label"), "model_id", "attr_seq", "code"),
            fixed("ga_block_mask", List.of("model_id", "brick", "cells", "mask"), "model_id", "brick"),
            fixed("ga_block_brick", List.of("model_id", "attr_seq", "brick", "min", "max", "count", "null_count", "data"),
                    "model_id", "attr_seq", "brick"),
            fixed("ga_warning_rules", List.of("version", "ingest_id", "recorded_at", "user_name", "comment", "json"),
                    "version"),
            fixed("ga_warning_ack", List.of("id", "ingest_id", "alert_id", "t", "who", "why", "recorded_at"), "id"));

    /** The columns of every interval table before its attribute columns. */
    public static final List<String> INTERVAL_COLUMNS = withTimes("fid", "set_id", "hole_id", "depth_from", "depth_to",
            "x_from", "y_from", "z_from", "x_to", "y_to", "z_to", "x_mid", "y_mid", "z_mid");

    private static Table fixed(String name, List<String> columns, String... key) {
        return new Table(name, columns, List.of(key), null);
    }

    private static List<String> withTimes(String... columns) {
        List<String> out = new ArrayList<>(List.of(columns));
        out.addAll(TIMES);
        return out;
    }

    /** The interval tables of a store, each with its columns in table order, as {@link Endpoint#intervalTables}. */
    public static List<IntervalTable> intervalTables(org.geoassure.geodb.store.WorkspaceStore store) {
        List<IntervalTable> out = new ArrayList<>();
        for (String name : store.intervalTables()) {
            out.add(new IntervalTable(name, store.intervalColumns(name)));
        }
        return out;
    }

    /** The table of an interval table's rows. */
    public static Table intervalTable(IntervalTable t) {
        List<String> cols = new ArrayList<>(INTERVAL_COLUMNS);
        for (Column c : t.columns()) {
            cols.add(c.name());
        }
        return new Table(t.name(), cols, List.of("fid"), t);
    }

    /** Every table of a workspace with these interval tables, in copy order (referenced tables first). */
    public static List<Table> tables(List<IntervalTable> intervals) {
        List<Table> out = new ArrayList<>(HEAD);
        for (IntervalTable t : intervals) {
            out.add(intervalTable(t));
        }
        out.addAll(TAIL);
        return out;
    }

    /**
     * Copies every row of {@code from} into {@code to}, in one transaction on {@code to} (rolled back on any failure),
     * reading {@code from} in one snapshot; then digests both sides and fails if they differ.
     *
     * @throws SQLException on any failure; {@code to} then holds what it held before
     * @throws IllegalStateException if the digests differ after the copy (the copy is kept: the caller decides)
     */
    public static Report copy(Endpoint from, Endpoint to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Connection tc = to.connection();
        from.beginRead();
        try {
            List<IntervalTable> intervals = from.intervalTables();
            try {
                to.beginImport();
                for (IntervalTable t : intervals) {
                    to.createIntervalTable(t);
                }
                for (Table t : tables(intervals)) {
                    if (t.name().equals("series_readings")) {
                        prepareReadings(from, to);
                    }
                    counts.put(t.toString(), copyTable(from, to, t));
                }
                to.finishImport();
                tc.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    tc.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                tc.setAutoCommit(true);
            }
        } finally {
            from.endRead();
        }
        String a = digest(from);
        String b = digest(to);
        if (!a.equals(b)) {
            throw new IllegalStateException("the copy in " + to.label() + " reads back differently from "
                    + from.label() + ": digest " + b + " against " + a);
        }
        return new Report(counts, a);
    }

    private static void prepareReadings(Endpoint from, Endpoint to) throws SQLException {
        try (Statement s = from.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT min(t), max(t) FROM series_readings")) {
            if (rs.next() && rs.getObject(1) != null) {
                to.prepareReadings(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static long copyTable(Endpoint from, Endpoint to, Table t) throws SQLException {
        Insert insert = to.insert(t);
        long n = 0;
        try (PreparedStatement ps = to.connection().prepareStatement(insert.sql());
                Statement s = from.connection().createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery(from.select(t))) {
                Object[] row = new Object[t.columns().size()];
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    from.toCanonical(t, row);
                    insert.binder().bind(ps, row);
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
            }
            if (n % BATCH != 0) {
                ps.executeBatch();
            }
        }
        return n;
    }

    /**
     * A SHA-256 over every canonical row of every table of {@code ws} in key order, read in one snapshot: two
     * workspaces with the same digest hold the same rows, history included. Numbers are compared as integers or as
     * double bit patterns, attributes as key-sorted maps.
     */
    public static String digest(Endpoint ws) throws SQLException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ws.beginRead();
        try {
            for (Table t : tables(ws.intervalTables())) {
                feed(md, "table " + t);
                for (String c : t.columns()) {
                    feed(md, c);
                }
                try (Statement s = ws.connection().createStatement()) {
                    s.setFetchSize(BATCH);
                    try (ResultSet rs = s.executeQuery(ws.select(t))) {
                        Object[] row = new Object[t.columns().size()];
                        while (rs.next()) {
                            for (int i = 0; i < row.length; i++) {
                                row[i] = rs.getObject(i + 1);
                            }
                            ws.toCanonical(t, row);
                            for (Object v : row) {
                                value(md, v);
                            }
                        }
                    }
                }
            }
        } finally {
            ws.endRead();
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void feed(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 'S');
        md.update(intBytes(b.length));
        md.update(b);
    }

    private static void value(MessageDigest md, Object v) {
        if (v == null) {
            md.update((byte) 'N');
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            md.update((byte) 'I');
            md.update(longBytes(((Number) v).longValue()));
        } else if (v instanceof Double || v instanceof Float) {
            md.update((byte) 'D');
            md.update(longBytes(Double.doubleToLongBits(((Number) v).doubleValue())));
        } else if (v instanceof String s) {
            feed(md, s);
        } else if (v instanceof byte[] b) {
            md.update((byte) 'B');
            md.update(intBytes(b.length));
            md.update(b);
        } else if (v instanceof Map<?, ?> m) {
            md.update((byte) 'M');
            Map<String, Object> sorted = new TreeMap<>();
            for (var e : m.entrySet()) {
                sorted.put((String) e.getKey(), e.getValue());
            }
            feed(md, FeatureCodec.attributes(sorted));
        } else {
            throw new IllegalStateException("no canonical form for a " + v.getClass().getName());
        }
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    // ------------------------------------------------------------------------------------------------ engine helpers

    /** The plain SELECT of a table's canonical columns from alias {@code t}, in key order; names quoted. */
    public static String plainSelect(String sqlTable, List<String> expressions, Table table) {
        StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", expressions)).append(" FROM ")
                .append(quote(sqlTable)).append(" t ORDER BY ");
        List<String> key = new ArrayList<>();
        for (String k : table.key()) {
            key.add("t." + quote(k));
        }
        return sb.append(String.join(", ", key)).toString();
    }

    /** The canonical columns read as themselves from alias {@code t}. */
    public static List<String> plainColumns(Table table) {
        List<String> out = new ArrayList<>();
        for (String c : table.columns()) {
            out.add("t." + quote(c));
        }
        return out;
    }

    /** {@code INSERT INTO sqlTable (columns) [suffix] VALUES (values)}. */
    public static String insertSql(String sqlTable, List<String> columns, List<String> values, String overriding) {
        List<String> quoted = new ArrayList<>();
        for (String c : columns) {
            quoted.add(quote(c));
        }
        return "INSERT INTO " + quote(sqlTable) + " (" + String.join(", ", quoted) + ")"
                + (overriding.isEmpty() ? "" : " " + overriding) + " VALUES (" + String.join(", ", values) + ")";
    }

    /** {@code n} copies of {@code "?"}. */
    public static List<String> placeholders(int n) {
        return Collections.nCopies(n, "?");
    }

    /** Binds a canonical value as it is (null, number, text or bytes). */
    public static void set(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else if (v instanceof Integer i) {
            ps.setLong(index, i);
        } else {
            ps.setObject(index, v);
        }
    }

    /** The packed x, y, z of a trace as its {@code double[]}. */
    public static double[] coords(byte[] packed) {
        return SqliteStore.unpack(packed);
    }

    /** Packs x, y, z triples as the canonical {@code traces.coords}. */
    public static byte[] packCoords(double[] xyz) {
        return SqliteStore.pack(xyz);
    }

    /** The from-mid-to line of an interval row from its nine canonical position values starting at {@code first}. */
    public static double[] intervalLine(Object[] row, int first) {
        double[] pos = new double[9];
        for (int k = 0; k < 9; k++) {
            pos[k] = ((Number) row[first + k]).doubleValue();
        }
        double[] line = new double[9];
        PreparedHole.intervalLine(pos, 0, line);
        return line;
    }

    /** The canonical {@code features.geom} of a geometry (its GeoPackage blob), or null. */
    public static byte[] featureGeometry(int srsId, org.locationtech.jts.geom.Geometry g) {
        return g == null ? null : FeatureCodec.geometry(srsId, g);
    }

    /** The canonical {@code features.attributes} of a stored JSON object. */
    public static Map<String, Object> featureAttributes(String json) {
        return FeatureCodec.readAttributes(json);
    }

    static String quote(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }
}
