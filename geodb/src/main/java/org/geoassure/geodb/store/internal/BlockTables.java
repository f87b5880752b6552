package org.geoassure.geodb.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.grid.AttributeType;
import org.geoassure.geodb.grid.BlockAttribute;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.Brick;
import org.geoassure.geodb.grid.BrickCodec;
import org.geoassure.geodb.grid.BrickSource;
import org.geoassure.geodb.grid.BrickStats;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.store.BlockModelStore.Version;

/**
 * Block models in SQL (schema version 3). {@code ga_block_model}: one row per model version (definition, parent,
 * provenance); {@code ga_block_attribute} and {@code ga_block_category}: its attributes and code tables;
 * {@code ga_block_mask}: per brick (Morton code) the present-cell count and presence mask (null when full);
 * {@code ga_block_brick}: per attribute and brick the values blob ({@link BrickCodec}) and its min, max, count and
 * null count. Every version stores all its bricks. The PostGIS engine has the same tables (its migration V5) and
 * uses this class too: the SQL here is portable between the two.
 */
public final class BlockTables {
    private BlockTables() {
    }

    static List<String> ddl() {
        return List.of("CREATE TABLE ga_block_model (id INTEGER PRIMARY KEY, name TEXT NOT NULL, version INTEGER NOT NULL, "
                + "parent INTEGER NOT NULL, ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), recorded_at INTEGER "
                + "NOT NULL, user_name TEXT NOT NULL, comment TEXT NOT NULL, origin_x REAL NOT NULL, origin_y REAL NOT "
                + "NULL, origin_z REAL NOT NULL, rotation REAL NOT NULL, dx REAL NOT NULL, dy REAL NOT NULL, dz REAL NOT "
                + "NULL, nx INTEGER NOT NULL, ny INTEGER NOT NULL, nz INTEGER NOT NULL, brick_size INTEGER NOT NULL, "
                + "cells INTEGER NOT NULL, bricks INTEGER NOT NULL, UNIQUE (name, version))",
            "CREATE TABLE ga_block_attribute (model_id INTEGER NOT NULL REFERENCES ga_block_model(id), seq INTEGER NOT "
                + "NULL, name TEXT NOT NULL, type TEXT NOT NULL, blob_format TEXT NOT NULL, PRIMARY KEY (model_id, seq))",
            "CREATE TABLE ga_block_category (model_id INTEGER NOT NULL REFERENCES ga_block_model(id), attr_seq INTEGER "
                + "NOT NULL, code INTEGER NOT NULL, label TEXT NOT NULL, PRIMARY KEY (model_id, attr_seq, code))",
            "CREATE TABLE ga_block_mask (model_id INTEGER NOT NULL REFERENCES ga_block_model(id), brick INTEGER NOT "
                + "NULL, cells INTEGER NOT NULL, mask BLOB, PRIMARY KEY (model_id, brick))",
            "CREATE TABLE ga_block_brick (model_id INTEGER NOT NULL REFERENCES ga_block_model(id), attr_seq INTEGER "
                + "NOT NULL, brick INTEGER NOT NULL, min REAL, max REAL, count INTEGER NOT NULL, null_count INTEGER NOT "
                + "NULL, data BLOB NOT NULL, PRIMARY KEY (model_id, attr_seq, brick))");
    }

    /**
     * Writes the next version of {@code data}'s model, a brick at a time (so a source that makes its bricks on demand
     * is written without holding the model in memory); the statistics stored are the headers'. The caller holds the
     * transaction.
     */
    public static Version write(Connection c, long ingestId, long now, BrickSource data, String comment, Provenance p)
            throws SQLException {
        BlockModel m = data.model();
        List<BrickSource.Header> headers = new ArrayList<>();
        long cells = 0;
        for (BrickSource.Header h : data.headers()) {
            if (h.cells() > 0) {
                headers.add(h);
                cells += h.cells();
            }
        }
        int parent = 0;
        int version = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT max(version) FROM ga_block_model WHERE name = ?")) {
            ps.setString(1, m.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    parent = rs.getInt(1);
                    version = parent + 1;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_ingest (id, recorded_at, kind, user_name, "
                + "holes_new, holes_changed, holes_unchanged, interval_rows) VALUES (?, ?, 'blockmodel', ?, 0, 0, 0, ?)")) {
            ps.setLong(1, ingestId);
            ps.setLong(2, now);
            ps.setString(3, p.user());
            ps.setLong(4, cells);
            ps.executeUpdate();
        }
        BitemporalWriter.insertProvenance(c, ingestId, p, Map.of("block_model", m.name() + " v" + version));
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_block_model (name, version, parent, ingest_id, "
                + "recorded_at, user_name, comment, origin_x, origin_y, origin_z, rotation, dx, dy, dz, nx, ny, nz, "
                + "brick_size, cells, bricks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int n = 1;
            ps.setString(n++, m.name());
            ps.setInt(n++, version);
            ps.setInt(n++, parent);
            ps.setLong(n++, ingestId);
            ps.setLong(n++, now);
            ps.setString(n++, p.user());
            ps.setString(n++, comment);
            for (double d : new double[] {m.originX(), m.originY(), m.originZ(), m.rotation(), m.dx(), m.dy(), m.dz()}) {
                ps.setDouble(n++, d);
            }
            ps.setInt(n++, m.nx());
            ps.setInt(n++, m.ny());
            ps.setInt(n++, m.nz());
            ps.setInt(n++, Brick.SIZE);
            ps.setLong(n++, cells);
            ps.setLong(n, headers.size());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement pa = c.prepareStatement("INSERT INTO ga_block_attribute VALUES (?, ?, ?, ?, ?)");
                PreparedStatement pc = c.prepareStatement("INSERT INTO ga_block_category VALUES (?, ?, ?, ?)")) {
            for (int a = 0; a < m.attributes().size(); a++) {
                BlockAttribute attr = m.attributes().get(a);
                pa.setLong(1, id);
                pa.setInt(2, a);
                pa.setString(3, attr.name());
                pa.setString(4, attr.type().name());
                pa.setString(5, format(attr.type()));
                pa.executeUpdate();
                for (int code = 0; code < attr.categories().size(); code++) {
                    pc.setLong(1, id);
                    pc.setInt(2, a);
                    pc.setInt(3, code);
                    pc.setString(4, attr.categories().get(code));
                    pc.executeUpdate();
                }
            }
        }
        try (PreparedStatement pm = c.prepareStatement("INSERT INTO ga_block_mask VALUES (?, ?, ?, ?)");
                PreparedStatement pb = c.prepareStatement("INSERT INTO ga_block_brick VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean[] all = new boolean[m.attributes().size()];
            java.util.Arrays.fill(all, true);
            for (BrickSource.Header h : headers) {
                Brick b = data.brick(h.index(), all);
                if (b.index() != h.index() || b.cells() != h.cells()) {
                    throw new IllegalArgumentException("model " + m.name() + ": brick " + h.index() + " has "
                            + b.cells() + " cells, its header says " + h.cells());
                }
                pm.setLong(1, id);
                pm.setLong(2, b.index());
                pm.setInt(3, b.cells());
                pm.setBytes(4, b.cells() == Brick.CELLS ? null : BrickCodec.encodeMask(b.mask()));
                pm.executeUpdate();
                for (int a = 0; a < m.attributes().size(); a++) {
                    BrickStats s = h.stats().get(a);
                    pb.setLong(1, id);
                    pb.setInt(2, a);
                    pb.setLong(3, b.index());
                    setReal(pb, 4, s.min());
                    setReal(pb, 5, s.max());
                    pb.setLong(6, s.count());
                    pb.setLong(7, s.nullCount());
                    pb.setBytes(8, BrickCodec.encode(m.attributes().get(a).type(), b.column(a)));
                    pb.executeUpdate();
                }
            }
        }
        return new Version(m, version, parent, ingestId, Bitemporal.instant(now), p.user(), comment, cells,
                headers.size());
    }

    private static String format(AttributeType t) {
        return switch (t) {
            case FLOAT32 -> "f32le";
            case FLOAT64 -> "f64le";
            default -> "i32le";
        };
    }

    private static void setReal(PreparedStatement ps, int n, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(n, java.sql.Types.REAL);
        } else {
            ps.setDouble(n, v);
        }
    }

    private static double real(ResultSet rs, int n) throws SQLException {
        double v = rs.getDouble(n);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Versions of one model (name non-null) or the latest of every model, by name then version. */
    public static List<Version> versions(Connection c, String name) throws SQLException {
        String sql = "SELECT * FROM ga_block_model m WHERE " + (name != null ? "name = ?"
                : "version = (SELECT max(version) FROM ga_block_model x WHERE x.name = m.name)") + " ORDER BY name, version";
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (name != null) {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BlockModel m = new BlockModel(rs.getString("name"), rs.getDouble("origin_x"), rs.getDouble("origin_y"),
                            rs.getDouble("origin_z"), rs.getDouble("rotation"), rs.getDouble("dx"), rs.getDouble("dy"),
                            rs.getDouble("dz"), rs.getInt("nx"), rs.getInt("ny"), rs.getInt("nz"), List.of());
                    out.add(new Version(m, rs.getInt("version"), rs.getInt("parent"), rs.getLong("ingest_id"),
                            Bitemporal.instant(rs.getLong("recorded_at")), rs.getString("user_name"),
                            rs.getString("comment"), rs.getLong("cells"), rs.getLong("bricks")));
                    if (rs.getInt("brick_size") != Brick.SIZE) {
                        throw new StorageException("block model " + m.name() + " has bricks of " + rs.getInt("brick_size")
                                + " cells; this build reads " + Brick.SIZE);
                    }
                }
            }
        }
        List<Version> withAttrs = new ArrayList<>();
        for (Version v : out) {
            withAttrs.add(new Version(v.model().withAttributes(attributes(c, id(c, v.model().name(), v.version()))),
                    v.version(), v.parent(), v.ingestId(), v.recordedAt(), v.user(), v.comment(), v.cells(), v.bricks()));
        }
        return withAttrs;
    }

    private static long id(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ga_block_model WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static List<BlockAttribute> attributes(Connection c, long id) throws SQLException {
        Map<Integer, List<String>> cats = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attr_seq, label FROM ga_block_category WHERE model_id = ? "
                + "ORDER BY attr_seq, code")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cats.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<BlockAttribute> attrs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, name, type FROM ga_block_attribute WHERE model_id = ? "
                + "ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attrs.add(new BlockAttribute(rs.getString(2), AttributeType.valueOf(rs.getString(3)),
                            cats.getOrDefault(rs.getInt(1), List.of())));
                }
            }
        }
        return attrs;
    }

    /** The bricks of one version (latest when {@code version} is 0), read on demand through {@code cache}. */
    public static BrickSource source(Connection c, BrickCache cache, String name, int version) throws SQLException {
        List<Version> all = versions(c, name);
        if (all.isEmpty()) {
            List<String> names = versions(c, null).stream().map(v -> v.model().name()).toList();
            throw new InvalidContentException("no block model '" + name + "' in this workspace (models: " + names + ")");
        }
        Version v = version == 0 ? all.get(all.size() - 1)
                : all.stream().filter(x -> x.version() == version).findFirst().orElseThrow(() -> new InvalidContentException(
                        "block model " + name + " has no version " + version + " (versions 1.." + all.size() + ")"));
        return new SqlSource(c, cache, id(c, name, v.version()), v.model());
    }

    /**
     * Bricks read from the tables through the store's {@link BrickCache}: the headers once, then each brick's mask and
     * the attributes asked for, each decoded once while the cache keeps it.
     */
    private static final class SqlSource implements BrickSource {
        /** Accounted bytes of one header beside its statistics. */
        private static final long HEADER_BYTES = 64;
        /** Accounted bytes of one attribute's statistics in a header. */
        private static final long STATS_BYTES = 56;
        private final Connection c;
        private final BrickCache cache;
        private final long id;
        private final BlockModel model;

        SqlSource(Connection c, BrickCache cache, long id, BlockModel model) {
            this.c = c;
            this.cache = cache;
            this.id = id;
            this.model = model;
        }

        @Override
        public BlockModel model() {
            return model;
        }

        @Override
        public List<Header> headers() {
            return cache.headers(id, () -> {
                try {
                    return List.copyOf(readHeaders());
                } catch (SQLException e) {
                    throw new StorageException("cannot read block model " + model.name() + ": " + e.getMessage(), e);
                }
            }, h -> h.size() * (HEADER_BYTES + STATS_BYTES * model.attributes().size()));
        }

        private List<Header> readHeaders() throws SQLException {
            int na = model.attributes().size();
            Map<Long, BrickStats[]> stats = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT attr_seq, brick, min, max, count, null_count FROM "
                    + "ga_block_brick WHERE model_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stats.computeIfAbsent(rs.getLong(2), k -> new BrickStats[na])[rs.getInt(1)] =
                                new BrickStats(real(rs, 3), real(rs, 4), rs.getLong(5), rs.getLong(6));
                    }
                }
            }
            List<Header> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT brick, cells FROM ga_block_mask WHERE model_id = ? "
                    + "ORDER BY brick")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        BrickStats[] s = stats.get(rs.getLong(1));
                        if (s == null || java.util.Arrays.asList(s).contains(null)) {
                            throw new StorageException("block model " + model.name() + ": brick " + rs.getLong(1)
                                    + " lacks an attribute's values (run geoassure check)");
                        }
                        out.add(new Header(rs.getLong(1), rs.getInt(2), List.of(s)));
                    }
                }
            }
            return out;
        }

        @Override
        public Brick brick(long index, boolean[] attributes) {
            String where = "block model " + model.name() + " brick " + index;
            try {
                long[] mask = cache.mask(id, index, () -> readMask(index, where));
                Object[] cols = new Object[model.attributes().size()];
                for (int a = 0; a < cols.length; a++) {
                    if (attributes[a]) {
                        int attr = a;
                        cols[a] = cache.column(id, a, index, () -> readColumn(attr, index, where));
                    }
                }
                return new Brick(index, mask, model.attributes(), cols);
            } catch (IllegalArgumentException e) {
                throw new StorageException(e.getMessage(), e);
            }
        }

        private long[] readMask(long index, String where) {
            try (PreparedStatement ps = c.prepareStatement("SELECT mask FROM ga_block_mask WHERE model_id = ? AND "
                    + "brick = ?")) {
                ps.setLong(1, id);
                ps.setLong(2, index);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException(where + ": no such brick");
                    }
                    return BrickCodec.decodeMask(rs.getBytes(1), where);
                }
            } catch (SQLException e) {
                throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
            }
        }

        private Object readColumn(int a, long index, String where) {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM ga_block_brick WHERE model_id = ? AND "
                    + "attr_seq = ? AND brick = ?")) {
                ps.setLong(1, id);
                ps.setInt(2, a);
                ps.setLong(3, index);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StorageException(where + ": attribute " + model.attributes().get(a).name()
                                + " is missing");
                    }
                    return BrickCodec.decode(model.attributes().get(a).type(), rs.getBytes(1), where);
                }
            } catch (SQLException e) {
                throw new StorageException("cannot read " + where + ": " + e.getMessage(), e);
            }
        }
    }
}
