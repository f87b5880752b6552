package org.geoassure.ingest.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.WorkspaceInfo;
import org.geoassure.geodb.store.WorkspaceStore;
import org.geoassure.geodb.store.Workspaces;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureFormat;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.FeatureReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The GeoPackage of geopackage/SOURCES.md (made by ogr2ogr) against what GDAL 3.6.2 prints for it: counts, geometry
 * types and extents from {@code ogrinfo -ro -so -al sample.gpkg}, values from {@code ogrinfo -ro sample.gpkg -sql
 * "..."} (each query is named where its figures are used).
 */
class GeoPackageReaderTest {
    static final Path SAMPLE = resource("geopackage/sample.gpkg");

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(GeoPackageReaderTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    private static Envelope extent(FeatureFile f) {
        Envelope e = new Envelope();
        for (Feature x : f.features()) {
            e.expandToInclude(x.geometry().getEnvelopeInternal());
        }
        return e;
    }

    private static void assertExtent(Envelope e, double x0, double y0, double x1, double y1, double tol) {
        assertEquals(x0, e.getMinX(), tol);
        assertEquals(y0, e.getMinY(), tol);
        assertEquals(x1, e.getMaxX(), tol);
        assertEquals(y1, e.getMaxY(), tol);
    }

    @Test
    void everyFeatureTableAsOgrinfoListsIt() {
        assertEquals(List.of("traces", "cities", "oceania", "cities_3857"), GeoPackageReader.featureTables(SAMPLE));
        List<GeoPackageReader.Layer> layers = GeoPackageReader.read(SAMPLE, List.of(), FeatureOptions.defaults());
        assertEquals(4, layers.size());
        // ogrinfo -so -al: Feature Count 48, 243, 7, 30; Extent as printed (6 decimals)
        FeatureFile traces = layers.get(0).file();
        assertEquals(FeatureFormat.GEOPACKAGE, traces.format());
        assertEquals(48, traces.features().size());
        assertEquals(4326, traces.crs().epsg());
        assertExtent(extent(traces), -120.560376, 31.995365, -114.941356, 37.235779, 5e-7);
        assertEquals(243, layers.get(1).file().features().size());
        assertExtent(extent(layers.get(1).file()), -175.220564, -41.292068, 179.216647, 64.143459, 5e-7);
        FeatureFile oceania = layers.get(2).file();
        assertEquals(7, oceania.features().size());
        assertExtent(extent(oceania), -180, -46.641235, 180, -2.500002, 5e-7);
        FeatureFile merc = layers.get(3).file();
        assertEquals(30, merc.features().size());
        assertEquals(3857, merc.crs().epsg());
        assertExtent(extent(merc), -9881505.365569, -4111103.849219, 13421784.615206, 6895388.529108, 5e-7);
        assertTrue(merc.warnings().stream().anyMatch(w -> w.contains("table cities_3857: M (measure) values are not "
                + "kept")), merc.warnings().toString());
        assertEquals("geopackage:cities", layers.get(1).file().sources().get(0).role());
        assertEquals(243, layers.get(1).file().sources().get(0).rows());
    }

    /**
     * {@code ogrinfo -ro sample.gpkg -sql "select fid, Name, FaultName, wAvgDip, ST_AsText(geom) from traces where
     * fid in (1,48)"}: fid 1 is MJVA-ECSZ-1992-Landers_rupture_detailed_splays-RUP6, "Landers - 1992 rupture", dip 90,
     * LINESTRING Z(-116.422321 34.173359 1121, ... 8 points ..., -116.458665 34.312397 989.021).
     */
    @Test
    void threeDimensionalLinesKeepTheirZ() {
        FeatureFile traces = GeoPackageReader.read(SAMPLE, List.of("TRACES"), FeatureOptions.defaults()).get(0).file();
        Feature f = traces.features().get(0);
        assertEquals("1", f.id());
        assertEquals(FeatureKind.LINES, f.kind());
        assertEquals("MJVA-ECSZ-1992-Landers_rupture_detailed_splays-RUP6", f.name(), "the Name column");
        assertEquals("Landers - 1992 rupture", f.attributes().get("FaultName"));
        assertEquals(90.0, f.attributes().get("wAvgDip"));
        assertFalse(f.attributes().containsKey("fid"), "the primary key is the id, not an attribute");
        Coordinate[] cs = f.geometry().getCoordinates();
        assertEquals(8, cs.length);
        assertEquals(-116.422321, cs[0].getX(), 5e-7);
        assertEquals(34.173359, cs[0].getY(), 5e-7);
        assertEquals(1121, cs[0].getZ());
        assertEquals(989.021, cs[7].getZ(), 1e-9);
        assertEquals("48", traces.features().get(47).id());
        assertEquals("SNFA-OVFZ-1872-Owens_Valley_fault_rupture-RUP6", traces.features().get(47).name());
    }

    /**
     * {@code ogrinfo -ro sample.gpkg -sql "select fid, name, iso_a3, pop_est, gdp_md_est, ST_NumGeometries(geom),
     * ST_NPoints(geom) from oceania"}: Fiji FJI 889953 5496, 3 parts, 22 points; Australia (fid 7) AUS 25364307
     * 1396567, 2 parts, 241 points. {@code ... "select name, ST_AsText(geom) from cities where name='Beijing'"}: fid
     * 228, POINT(116.394201 39.90172). {@code ... from cities_3857 where fid in (1,30)}: Bir Lehlou POINT M
     * (-1074513.856175 3013847.751198 0), Bogota (-8247136.735808 512438.55013 0).
     */
    @Test
    void polygonsPointsAndMeasuredPointsAsOgrinfoPrintsThem() {
        List<GeoPackageReader.Layer> l = GeoPackageReader.read(SAMPLE, List.of("oceania", "cities", "cities_3857"),
                FeatureOptions.defaults());
        assertEquals(List.of("oceania", "cities", "cities_3857"), l.stream().map(GeoPackageReader.Layer::table).toList());
        Feature fiji = l.get(0).file().features().get(0);
        assertEquals("Fiji", fiji.name());
        assertEquals(FeatureKind.POLYGONS, fiji.kind());
        assertEquals(Map.of("pop_est", 889953.0, "continent", "Oceania", "name", "Fiji", "iso_a3", "FJI",
                "gdp_md_est", 5496L), fiji.attributes());
        assertEquals(3, fiji.geometry().getNumGeometries());
        assertEquals(22, fiji.geometry().getNumPoints());
        Feature aus = l.get(0).file().features().get(6);
        assertEquals("7", aus.id());
        assertEquals(25364307.0, aus.attributes().get("pop_est"));
        assertEquals(1396567L, aus.attributes().get("gdp_md_est"));
        assertEquals(2, aus.geometry().getNumGeometries());
        assertEquals(241, aus.geometry().getNumPoints());
        Feature beijing = l.get(1).file().features().stream().filter(f -> f.name().equals("Beijing")).findFirst()
                .orElseThrow();
        assertEquals("228", beijing.id());
        assertEquals(116.394201, beijing.geometry().getCoordinate().getX(), 5e-7);
        assertEquals(39.90172, beijing.geometry().getCoordinate().getY(), 5e-7);
        assertTrue(Double.isNaN(beijing.geometry().getCoordinate().getZ()), "a 2D point has no z (NaN, never 0)");
        Feature bir = l.get(2).file().features().get(0);
        assertEquals("Bir Lehlou", bir.name());
        assertEquals(-1074513.856175, bir.geometry().getCoordinate().getX(), 5e-7);
        assertEquals(3013847.751198, bir.geometry().getCoordinate().getY(), 5e-7);
        assertTrue(Double.isNaN(bir.geometry().getCoordinate().getZ()), "M is not taken for z");
        Feature bogota = l.get(2).file().features().get(29);
        assertEquals("Bogota", bogota.name());
        assertEquals(-8247136.735808, bogota.geometry().getCoordinate().getX(), 5e-7);
    }

    @Test
    void theFileIsReadWithoutTouchingIt() throws IOException {
        Path copy = Files.copy(SAMPLE, dir.resolve("copy.gpkg"));
        byte[] before = Files.readAllBytes(copy);
        GeoPackageReader.read(copy, List.of(), FeatureOptions.defaults());
        assertArrayEquals(before, Files.readAllBytes(copy));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(copy), files.toList(), "no -wal, -shm or -journal file beside the source");
        }
    }

    @Test
    void aNamedTableThatIsNotThereIsRefusedWithTheTablesThatAre() {
        String m = assertThrows(UnsupportedFormatException.class, () -> GeoPackageReader.read(SAMPLE,
                List.of("roads"), FeatureOptions.defaults())).getMessage();
        assertEquals(SAMPLE + ": no feature table 'roads' (feature tables: traces, cities, oceania, cities_3857)", m);
    }

    @Test
    void aSeveralTableGeoPackageIsDetectedButReadLayerByLayer() {
        assertEquals(FeatureFormat.GEOPACKAGE, FeatureReaders.detect(SAMPLE));
        String m = assertThrows(UnsupportedFormatException.class,
                () -> FeatureReaders.read(SAMPLE, FeatureOptions.defaults())).getMessage();
        assertTrue(m.contains("a GeoPackage with 4 feature tables"), m);
    }

    @Test
    void aGeoAssureWorkspaceIsRefusedAsASource() {
        Path ws = dir.resolve("mine.gpkg");
        try (WorkspaceStore s = Workspaces.create(ws, WorkspaceInfo.of("mine", "EPSG:4527", "unknown"))) {
            assertTrue(s.holeIds().isEmpty());
        }
        String m = assertThrows(UnsupportedFormatException.class, () -> GeoPackageReader.read(ws, List.of(),
                FeatureOptions.defaults())).getMessage();
        assertTrue(m.startsWith(ws + ": a GeoAssure workspace, not a source file"), m);
    }

    @Test
    void aPlainSqliteDatabaseIsNotAGeoPackage() throws SQLException {
        Path db = dir.resolve("plain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
        }
        String m = assertThrows(UnsupportedFormatException.class, () -> GeoPackageReader.read(db, List.of(),
                FeatureOptions.defaults())).getMessage();
        assertTrue(m.contains("an SQLite database that is not a GeoPackage"), m);
    }

    @Test
    void aBadGeometryBlobNamesTheTableAndTheFeature() throws Exception {
        Path copy = Files.copy(SAMPLE, dir.resolve("bad.gpkg"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            // drop the triggers GDAL installs on the R-tree so the blob can be replaced without spatialite functions
            try (var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                List<String> triggers = new java.util.ArrayList<>();
                while (rs.next()) {
                    triggers.add(rs.getString(1));
                }
                for (String t : triggers) {
                    s.execute("DROP TRIGGER \"" + t + "\"");
                }
            }
            s.execute("UPDATE cities SET geom = X'47500001000000000101000000' WHERE fid = 5");
            s.execute("UPDATE cities SET geom = 'POINT (1 2)' WHERE fid = 6");
            s.execute("UPDATE oceania SET geom = X'4751' WHERE fid = 2");
        }
        String m = assertThrows(InvalidContentException.class, () -> GeoPackageReader.read(copy, List.of("cities"),
                FeatureOptions.defaults())).getMessage();
        assertTrue(m.startsWith(copy + ": table cities: fid 5: WKB after the header: "), m);
        s6(copy);
        String m2 = assertThrows(InvalidContentException.class, () -> GeoPackageReader.read(copy, List.of("oceania"),
                FeatureOptions.defaults())).getMessage();
        assertEquals(copy + ": table oceania: fid 2: geometry blob of 2 bytes is shorter than the 8-byte GeoPackage "
                + "header", m2);
    }

    private static void s6(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement s = c.createStatement()) {
            s.execute("UPDATE cities SET geom = NULL WHERE fid = 5");
        }
        String m = assertThrows(InvalidContentException.class, () -> GeoPackageReader.read(copy, List.of("cities"),
                FeatureOptions.defaults())).getMessage();
        assertEquals(copy + ": table cities: fid 6: geometry is text, not a GeoPackage geometry blob", m);
    }

    @Test
    void aTruncatedFileIsBadContentNotACrash() throws IOException {
        byte[] b = Files.readAllBytes(SAMPLE);
        Path cut = Files.write(dir.resolve("cut.gpkg"), java.util.Arrays.copyOf(b, 4096 * 3));
        InvalidContentException e = assertThrows(InvalidContentException.class, () -> GeoPackageReader.read(cut,
                List.of(), FeatureOptions.defaults()));
        assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
    }
}
