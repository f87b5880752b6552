package org.geoassure.geodb.store.internal;

import static org.geoassure.geodb.store.internal.Bitemporal.OPEN;
import static org.geoassure.geodb.store.internal.Bitemporal.instant;
import static org.geoassure.geodb.store.internal.Bitemporal.micros;
import static org.geoassure.geodb.store.internal.Bitemporal.period;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.IngestRecord;
import org.geoassure.geodb.model.Provenance;
import org.geoassure.geodb.query.Box3;
import org.geoassure.geodb.query.Selection;
import org.geoassure.geodb.query.SpatialFilter;
import org.geoassure.geodb.query.TimeSlice;
import org.geoassure.geodb.store.FeatureStore.FeatureWrite;
import org.geoassure.geodb.store.FeatureStore.StoredFeature;
import org.geoassure.geodb.store.internal.Bitemporal.Version;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Features in SQL, alike in every engine. {@code features}: one row per feature version (layer, feature id, name,
 * kind, role, geometry or mesh blob, attributes as JSON, content hash, box, the four times). What differs between
 * engines is a {@link Dialect}: how the geometry and the attributes are bound and read, and which index holds the
 * boxes. In the embedded engine ({@link #SQLITE}) the table is a GeoPackage feature layer, so GDAL and QGIS show the
 * points, lines and polygons (meshes have a null geometry there), and {@code ga_rtree_features} is the 3D R*Tree of
 * the version boxes (a feature without z spans every z). Internal: for GeoAssure's engines only.
 */
public final class FeatureTables {
    /** z range of a feature without z in the box: every z a mine has. */
    public static final double FLAT_Z = 1e30;

    private FeatureTables() {
    }

    /** The engine-specific SQL of the features table. */
    public interface Dialect {
        /** SQL value of the geometry parameter in an INSERT ({@code ?} bound to {@link #geometry}). */
        String geometryValue();

        /** The bytes bound for a feature's geometry, from its GeoPackage blob ({@link FeatureCodec#geometry}). */
        byte[] geometry(byte[] gpkg);

        /** SQL value of the attributes parameter in an INSERT ({@code ?} bound to {@link #attributes}). */
        String attributesValue();

        /** The JSON text bound for a feature's attributes. */
        String attributes(Map<String, Object> attributes);

        /** SQL expression reading the geometry of row {@code alias} as bytes for {@link #readGeometry}. */
        String geometryColumn(String alias);

        /** The geometry of the bytes {@link #geometryColumn} read. */
        Geometry readGeometry(byte[] bytes);

        /** Statement for an INSERT whose generated {@code fid} is read with {@link PreparedStatement#getGeneratedKeys}. */
        PreparedStatement prepareInsert(Connection c, String sql) throws SQLException;

        /** Indexes the box {minX, minY, minZ, maxX, maxY, maxZ} of row {@code fid}. */
        void indexBox(Connection c, long fid, double[] box) throws SQLException;

        /** Indexes row {@code copy} with the box of row {@code fid}. */
        void indexCopy(Connection c, long fid, long copy) throws SQLException;

        /** Removes the index entry of row {@code fid}. */
        void indexDelete(Connection c, long fid) throws SQLException;

        /** SQL condition (without AND) on row {@code alias} whose box meets {@code b}: the index candidates. */
        String boxCondition(String alias, Box3 b, List<Object> params);
    }

    /** The embedded engine: GeoPackage geometry blobs, JSON text, the R*Tree {@code ga_rtree_features}. */
    public static final Dialect SQLITE = new Dialect() {
        @Override
        public String geometryValue() {
            return "?";
        }

        @Override
        public byte[] geometry(byte[] gpkg) {
            return gpkg;
        }

        @Override
        public String attributesValue() {
            return "?";
        }

        @Override
        public String attributes(Map<String, Object> attributes) {
            return FeatureCodec.attributes(attributes);
        }

        @Override
        public String geometryColumn(String alias) {
            return alias + ".geom";
        }

        @Override
        public Geometry readGeometry(byte[] bytes) {
            return FeatureCodec.readGeometry(bytes);
        }

        @Override
        public PreparedStatement prepareInsert(Connection c, String sql) throws SQLException {
            return c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
        }

        @Override
        public void indexBox(Connection c, long fid, double[] box) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_rtree_features VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, fid);
                ps.setDouble(2, box[0]);
                ps.setDouble(3, box[3]);
                ps.setDouble(4, box[1]);
                ps.setDouble(5, box[4]);
                ps.setDouble(6, box[2]);
                ps.setDouble(7, box[5]);
                ps.executeUpdate();
            }
        }

        @Override
        public void indexCopy(Connection c, long fid, long copy) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ga_rtree_features SELECT ?, minx, maxx, "
                    + "miny, maxy, minz, maxz FROM ga_rtree_features WHERE id = ?")) {
                ps.setLong(1, copy);
                ps.setLong(2, fid);
                ps.executeUpdate();
            }
        }

        @Override
        public void indexDelete(Connection c, long fid) throws SQLException {
            execute(c, "DELETE FROM ga_rtree_features WHERE id = ?", fid);
        }

        @Override
        public String boxCondition(String alias, Box3 b, List<Object> params) {
            return alias + ".fid IN (SELECT r.id FROM ga_rtree_features r WHERE 1 = 1"
                    + SqliteStore.rtreeBoxCondition("r", b, params) + ")";
        }
    };

    static List<String> ddl() {
        return List.of("CREATE TABLE features (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, layer TEXT NOT NULL, "
                + "feature_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, role TEXT NOT NULL, mesh BLOB, "
                + "attributes TEXT NOT NULL, content_hash TEXT NOT NULL, min_x REAL NOT NULL, min_y REAL NOT NULL, "
                + "min_z REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL, max_z REAL NOT NULL, "
                + "ingest_id INTEGER NOT NULL REFERENCES ga_ingest(id), " + Schema.TIMES + ")",
            "CREATE INDEX features_identity ON features (layer, feature_id, superseded_at)",
            "CREATE VIRTUAL TABLE ga_rtree_features USING rtree(id, minx, maxx, miny, maxy, minz, maxz)");
    }

    // ------------------------------------------------------------------------------------------------ writes

    /** Writes features as ingest {@code ingestId} at {@code now}; the caller holds the transaction. */
    public static IngestRecord write(Connection c, Dialect d, long ingestId, long now, int srsId, String layer,
            List<FeatureWrite> writes, Provenance p) throws SQLException {
        checkLayer(layer);
        Map<String, Long> lastValid = new HashMap<>();
        for (FeatureWrite w : writes) {
            Long v = w.validFrom() == null ? null : micros(w.validFrom());
            String id = w.feature().id();
            if (lastValid.containsKey(id)) {
                Long before = lastValid.get(id);
                if (v == null || before == null || v <= before) {
                    throw new InvalidContentException(source(p) + ": layer '" + layer + "': feature '" + id
                            + "' appears more than once; repeated features need increasing valid times (advance "
                            + "records of one face)");
                }
            }
            lastValid.put(id, v);
        }
        insertIngest(c, ingestId, now, p, "features", Map.of("layer", layer));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FeatureWrite w : writes) {
            Feature f = w.feature();
            byte[] geom = f.geometry() == null ? null : FeatureCodec.geometry(srsId, f.geometry());
            byte[] mesh = f.mesh() == null ? null : FeatureCodec.mesh(f.mesh());
            String attrs = FeatureCodec.attributes(f.attributes());
            String hash = FeatureCodec.contentHash(f, geom, mesh, attrs);
            List<Version> current = current(c, layer, f.id());
            long valid = Bitemporal.validFor(w.validFrom() == null ? null : micros(w.validFrom()), current, now);
            Version at = Bitemporal.versionAt(current, valid);
            boolean first = seen.add(f.id());
            if (Bitemporal.unchanged(at, hash)) {
                if (first) {
                    unchanged++;
                }
                continue;
            }
            if (first) {
                if (current.isEmpty()) {
                    added++;
                } else {
                    changed++;
                }
            }
            split(c, d, now, current, valid);
            insert(c, d, ingestId, now, layer, f, geom, mesh, d.attributes(f.attributes()), hash, valid, OPEN);
        }
        return finish(c, ingestId, now, p, "features", added, changed, unchanged, writes.size());
    }

    /** Ends the named features at {@code validTo} as ingest {@code ingestId}; the caller holds the transaction. */
    public static IngestRecord retire(Connection c, Dialect d, long ingestId, long now, String layer, Set<String> ids,
            long validTo, Provenance p) throws SQLException {
        List<List<Version>> currents = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(ids)) {
            List<Version> current = current(c, layer, id);
            Version at = Bitemporal.versionAt(current, validTo);
            if (at == null || at.validFrom() == validTo) {
                throw new InvalidContentException(source(p) + ": layer '" + layer + "': feature '" + id
                        + "' is not valid just before " + instant(validTo) + ", so it cannot end there");
            }
            currents.add(current);
        }
        insertIngest(c, ingestId, now, p, "features_retired", Map.of("layer", layer));
        for (List<Version> current : currents) {
            split(c, d, now, current, validTo);
        }
        return finish(c, ingestId, now, p, "features_retired", 0, currents.size(), 0, 0);
    }

    /**
     * Ends the current versions at {@code valid} (see {@link Bitemporal#split}). A version recorded by this same write
     * (an earlier advance record of the same face) would be left with an empty record period: it is deleted once its
     * earlier part has been copied.
     */
    private static void split(Connection c, Dialect d, long now, List<Version> current, long valid)
            throws SQLException {
        List<Long> drop = new ArrayList<>();
        Bitemporal.split(current, valid, splitter(c, d, now, drop));
        for (long fid : drop) {
            execute(c, "DELETE FROM features WHERE fid = ?", fid);
            d.indexDelete(c, fid);
        }
    }

    private static Bitemporal.Splitter splitter(Connection c, Dialect d, long now, List<Long> drop) {
        return new Bitemporal.Splitter() {
            @Override
            public void supersede(long fid) throws SQLException {
                try (PreparedStatement ps = c.prepareStatement("SELECT recorded_at FROM features WHERE fid = ?")) {
                    ps.setLong(1, fid);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) == now) {
                            drop.add(fid);
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE features SET superseded_at = ? WHERE fid = ?")) {
                    ps.setLong(1, now);
                    ps.setLong(2, fid);
                    ps.executeUpdate();
                }
            }

            @Override
            public void copy(long fid, long validFrom, long validTo) throws SQLException {
                try (PreparedStatement ps = d.prepareInsert(c, "INSERT INTO features (geom, layer, feature_id, name, "
                        + "kind, role, mesh, attributes, content_hash, min_x, min_y, min_z, max_x, max_y, max_z, "
                        + "ingest_id, valid_from, valid_to, recorded_at, superseded_at) SELECT geom, layer, feature_id, "
                        + "name, kind, role, mesh, attributes, content_hash, min_x, min_y, min_z, max_x, max_y, max_z, "
                        + "ingest_id, ?, ?, ?, ? FROM features WHERE fid = ?")) {
                    ps.setLong(1, validFrom);
                    ps.setLong(2, validTo);
                    ps.setLong(3, now);
                    ps.setLong(4, OPEN);
                    ps.setLong(5, fid);
                    ps.executeUpdate();
                    d.indexCopy(c, fid, SqliteStore.generatedKey(ps));
                }
            }
        };
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static List<Version> current(Connection c, String layer, String id) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fid, valid_from, valid_to, content_hash FROM features "
                + "WHERE layer = ? AND feature_id = ? AND superseded_at = " + OPEN + " ORDER BY valid_from")) {
            ps.setString(1, layer);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static void insert(Connection c, Dialect d, long ingestId, long now, String layer, Feature f, byte[] geom,
            byte[] mesh, String attrs, String hash, long validFrom, long validTo) throws SQLException {
        double[] box = box(f);
        try (PreparedStatement ps = d.prepareInsert(c, "INSERT INTO features (geom, layer, feature_id, name, kind, "
                + "role, mesh, attributes, content_hash, min_x, min_y, min_z, max_x, max_y, max_z, ingest_id, "
                + "valid_from, valid_to, recorded_at, superseded_at) VALUES (" + d.geometryValue() + ", ?, ?, ?, ?, ?, ?, "
                + d.attributesValue() + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setBytes(1, geom == null ? null : d.geometry(geom));
            ps.setString(2, layer);
            ps.setString(3, f.id());
            ps.setString(4, f.name());
            ps.setString(5, f.kind().name());
            ps.setString(6, f.role());
            ps.setBytes(7, mesh);
            ps.setString(8, attrs);
            ps.setString(9, hash);
            for (int k = 0; k < 6; k++) {
                ps.setDouble(10 + k, box[k]);
            }
            ps.setLong(16, ingestId);
            ps.setLong(17, validFrom);
            ps.setLong(18, validTo);
            ps.setLong(19, now);
            ps.setLong(20, OPEN);
            ps.executeUpdate();
            d.indexBox(c, SqliteStore.generatedKey(ps), box);
        }
    }

    /** {minX, minY, minZ, maxX, maxY, maxZ}; a geometry without z spans every z. */
    private static double[] box(Feature f) {
        if (f.mesh() != null) {
            double[] b = f.mesh().bounds();
            if (Double.isNaN(b[0])) {
                throw new InvalidContentException("feature '" + f.id() + "': an empty mesh cannot be stored");
            }
            return b;
        }
        Geometry g = f.geometry();
        if (g.isEmpty()) {
            throw new InvalidContentException("feature '" + f.id() + "': an empty geometry cannot be stored");
        }
        double minZ = Double.POSITIVE_INFINITY;
        double maxZ = Double.NEGATIVE_INFINITY;
        for (Coordinate co : g.getCoordinates()) {
            if (!Double.isFinite(co.getX()) || !Double.isFinite(co.getY())) {
                throw new InvalidContentException("feature '" + f.id() + "': a coordinate is not a finite number");
            }
            if (!Double.isNaN(co.getZ())) {
                minZ = Math.min(minZ, co.getZ());
                maxZ = Math.max(maxZ, co.getZ());
            }
        }
        if (minZ > maxZ) {
            minZ = -FLAT_Z;
            maxZ = FLAT_Z;
        }
        var e = g.getEnvelopeInternal();
        return new double[] {e.getMinX(), e.getMinY(), minZ, e.getMaxX(), e.getMaxY(), maxZ};
    }

    private static void insertIngest(Connection c, long ingestId, long now, Provenance p, String kind,
            Map<String, String> extra) throws SQLException {
        BitemporalWriter.logIngest(c, ingestId, now, kind, p, extra);
    }

    private static IngestRecord finish(Connection c, long ingestId, long now, Provenance p, String kind, int added,
            int changed, int unchanged, long rows) throws SQLException {
        BitemporalWriter.ingestCounts(c, ingestId, added, changed, unchanged, rows);
        return new IngestRecord(ingestId, instant(now), kind, p, added, changed, unchanged, rows);
    }

    private static String source(Provenance p) {
        return p.sources().isEmpty() ? "features" : p.sources().get(0).name();
    }

    static void checkLayer(String layer) {
        if (layer == null || layer.isBlank()) {
            throw new InvalidContentException("a feature layer needs a name");
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** Feature versions in a time slice (see {@link org.geoassure.geodb.store.FeatureStore#features}). */
    public static Stream<StoredFeature> read(Connection c, Dialect d, Set<String> layers, Set<String> roles,
            SpatialFilter spatial, TimeSlice time, long now, Function<SQLException, RuntimeException> error) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns(d)).append(" FROM features f WHERE ");
        if (spatial != null) {
            sql.append(d.boxCondition("f", spatial.searchBox(), params)).append(" AND ");
        }
        sql.append(StoreReads.timeCondition("f", Selection.all().at(time), now, params));
        in(sql, "f.layer", layers, params);
        in(sql, "f.role", roles, params);
        sql.append(" ORDER BY f.layer, f.feature_id, f.valid_from");
        return StoreReads.query(c, sql.toString(), params, rs -> {
            StoredFeature sf = row(d, rs);
            return spatial == null || FeatureRefine.matches(spatial, sf.feature()) ? sf : null;
        }, error);
    }

    /** The columns {@link #row} reads. */
    private static String columns(Dialect d) {
        return d.geometryColumn("f") + " AS geom, f.layer, f.feature_id, f.name, f.kind, f.role, f.mesh, f.attributes, "
                + "f.ingest_id, f.valid_from, f.valid_to, f.recorded_at, f.superseded_at";
    }

    private static void in(StringBuilder sql, String column, Set<String> values, List<Object> params) {
        if (values == null || values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        int k = 0;
        for (String v : new java.util.TreeSet<>(values)) {
            sql.append(k++ == 0 ? "?" : ", ?");
            params.add(v);
        }
        sql.append(')');
    }

    /** Every version of one feature, by record time then valid time. */
    public static List<StoredFeature> history(Connection c, Dialect d, String layer, String id) throws SQLException {
        List<StoredFeature> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(d) + " FROM features f WHERE f.layer = ? "
                + "AND f.feature_id = ? ORDER BY f.recorded_at, f.valid_from")) {
            ps.setString(1, layer);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(d, rs));
                }
            }
        }
        return out;
    }

    /** The layers with at least one version, sorted. */
    public static List<String> layers(Connection c) throws SQLException {
        return StoreReads.strings(c, "SELECT DISTINCT layer FROM features ORDER BY layer");
    }

    private static StoredFeature row(Dialect d, ResultSet rs) throws SQLException {
        FeatureKind kind = FeatureKind.valueOf(rs.getString("kind"));
        Map<String, Object> attrs = FeatureCodec.readAttributes(rs.getString("attributes"));
        Feature f;
        if (kind == FeatureKind.SURFACE || kind == FeatureKind.SOLID) {
            f = Feature.ofMesh(rs.getString("feature_id"), rs.getString("name"), kind, rs.getString("role"),
                    FeatureCodec.readMesh(rs.getBytes("mesh")), attrs);
        } else {
            f = new Feature(rs.getString("feature_id"), rs.getString("name"), kind, rs.getString("role"),
                    d.readGeometry(rs.getBytes("geom")), null, attrs);
        }
        return new StoredFeature(rs.getString("layer"), f, period(rs.getLong("valid_from"), rs.getLong("valid_to")),
                period(rs.getLong("recorded_at"), rs.getLong("superseded_at")), rs.getLong("ingest_id"));
    }
}
