package org.geoassure.postgis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.FeatureStoreConformance;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.postgis.internal.PgStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostGIS engine against the features conformance suite, each test in a fresh schema ({@link TestSchemas}), plus
 * what only PostGIS has: the mesh bytes are the embedded engine's, geometries are PostGIS geometries with z and the
 * workspace SRID, and {@code check()} sees the features table.
 */
@ExtendWith(RequiresPostgis.class)
class PostgisFeatureConformanceTest extends FeatureStoreConformance {
    private final TestSchemas schemas = new TestSchemas("feat");

    @TempDir
    Path dir;

    @Override
    protected WorkspaceStore newStore(WorkspaceInfo info) {
        return schemas.create(info);
    }

    /** Runs before the suite's own close: closes the store, drops the schema. */
    @AfterEach
    void dropSchema() throws Exception {
        schemas.drop(ws);
    }

    private Connection sql() throws SQLException {
        Connection c = DriverManager.getConnection(RequiresPostgis.url());
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + ((PgStore) ws).schema() + ", public");
        }
        return c;
    }

    private static byte[] bytes(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getBytes(1);
        }
    }

    /**
     * Every mesh version also has its triangles as a POLYHEDRALSURFACE Z, which SFCGAL measures: the tetrahedron of
     * legs 10 m has the analytic volume 10^3 / 6 = 166.667 m3 and four faces; a retired (split) version keeps one.
     */
    @Test
    void meshesAreAlsoPolyhedralSurfacesThatSfcgalMeasures() throws Exception {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        fs.retireFeatures("mine", java.util.Set.of("C1"), java.time.Instant.parse("2030-01-01T00:00:00Z"), prov("b"));
        try (Connection c = sql(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(surface) FROM features WHERE mesh IS NOT NULL")) {
                rs.next();
                assertTrue(rs.getLong(1) >= 3, "S1, C1 and C1's retired version");
                assertEquals(rs.getLong(1), rs.getLong(2), "every mesh row has its surface");
            }
            try (ResultSet rs = s.executeQuery("SELECT ST_NumPatches(surface), ST_Volume(ST_MakeSolid(surface)), "
                    + "ST_SRID(surface) FROM features WHERE feature_id = 'C1' ORDER BY fid LIMIT 1")) {
                rs.next();
                assertEquals(4, rs.getInt(1));
                assertEquals(1000.0 / 6, rs.getDouble(2), 1e-9);
                assertEquals(4527, rs.getInt(3));
            }
            try (ResultSet rs = s.executeQuery("SELECT ST_NumPatches(surface) FROM features WHERE feature_id = 'S1'")) {
                rs.next();
                assertEquals(everyKind().get(3).mesh().triangleCount(), rs.getInt(1));
            }
        }
    }

    @Test
    void meshBytesAreTheEmbeddedEnginesAndGeometriesArePostgisGeometries() throws Exception {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        Path gpkg = dir.resolve("same.gpkg");
        try (WorkspaceStore embedded = Workspaces.create(gpkg, new WorkspaceInfo("t", "EPSG:4527", "", "m",
                java.time.Instant.parse("2025-01-01T00:00:00Z")))) {
            ((org.geoassure.geodb.store.FeatureStore) embedded).writeFeatures("mine", now(everyKind()), prov("a"));
        }
        String mesh = "SELECT mesh FROM features WHERE feature_id = 'C1'";
        try (Connection pg = sql(); Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + gpkg)) {
            assertArrayEquals(bytes(sqlite, mesh), bytes(pg, mesh), "the solid's mesh blob, byte for byte");
            assertArrayEquals(bytes(sqlite, "SELECT content_hash FROM features WHERE feature_id = 'R1'"),
                    bytes(pg, "SELECT content_hash FROM features WHERE feature_id = 'R1'"), "the same content hash");
            assertEquals("SRID=4527;LINESTRING(0 0 -300,100 0 -301,200 50 -302)",
                    new String(bytes(pg, "SELECT ST_AsEWKT(geom) FROM features WHERE feature_id = 'R1'")));
            assertEquals("4.5", new String(bytes(pg, "SELECT attributes ->> 'width_m' FROM features "
                    + "WHERE feature_id = 'R1'")), "attributes are jsonb");
        }
    }

    @Test
    void checkFindsAnEmptyValidPeriod() throws Exception {
        fs.writeFeatures("mine", now(everyKind()), prov("a"));
        assertEquals(List.of(), ws.check());
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.execute("UPDATE features SET valid_to = valid_from WHERE feature_id = 'G1'");
        }
        assertEquals(List.of("features: empty or reversed valid period (valid_from >= valid_to): mine G1"), ws.check());
    }
}
