package org.geoassure.ingest.omf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Features written as OMF 2 and read back by {@link OmfReader} are the same features: the real features of omf-rust's
 * test files (their geometry checked against independent references in {@link OmfReaderTest}), and hand-made ones
 * with a role, a name, nulls, a MultiLineString and a mesh property.
 */
class OmfWriterTest {
    @TempDir
    Path dir;

    private OmfFile roundTrip(List<Feature> features) throws IOException {
        Path f = dir.resolve("out.omf");
        try (OutputStream out = Files.newOutputStream(f)) {
            OmfWriter.Result r = OmfWriter.write(features, "round trip", "test", out);
            assertEquals(features.size(), r.elements(), r.warnings().toString());
        }
        OmfFile back = OmfReader.read(f, OmfOptions.defaults());
        // Feature equality compares JTS geometries in 2D only: compare every z as well
        assertEquals(features.size(), back.features().size());
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).geometry() != null) {
                Coordinate[] a = features.get(i).geometry().getCoordinates();
                Coordinate[] b = back.features().get(i).geometry().getCoordinates();
                assertEquals(a.length, b.length);
                for (int k = 0; k < a.length; k++) {
                    assertTrue(a[k].equals3D(b[k]), features.get(i).id() + " vertex " + k + ": " + a[k] + " vs "
                            + b[k]);
                }
            }
        }
        return back;
    }

    @Test
    void theFeaturesOfOneOfEverythingComeBackUnchanged() throws IOException {
        List<Feature> features = OmfReaderTest.read("omf2_one_of_everything.omf", true).features();
        OmfFile back = roundTrip(features);
        assertEquals(2, back.version());
        assertEquals("round trip", back.project());
        assertEquals(features, back.features());
        List<Feature> pyramid = OmfReaderTest.read("omf2_pyramid.omf", false).features();
        assertEquals(pyramid, roundTrip(pyramid).features());
    }

    @Test
    void rolesNamesNullsAndMeshPropertiesSurvive() throws IOException {
        GeometryFactory gf = new GeometryFactory();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("seam", "3#");
        attrs.put("year", 2025L);
        attrs.put("dip", 12.5);
        attrs.put("checked", true);
        attrs.put("note", null);
        Feature line = Feature.of("F7", "fault F7", "fault", gf.createMultiLineString(new org.locationtech.jts.geom
                .LineString[] {gf.createLineString(new Coordinate[] {new Coordinate(4.1e7, 4.7e6, -300),
                    new Coordinate(4.1e7 + 10, 4.7e6 + 5, -301), new Coordinate(4.1e7 + 20, 4.7e6, -305)}),
                    gf.createLineString(new Coordinate[] {new Coordinate(0, 0, 1), new Coordinate(1, 1, 2)})}), attrs);
        Feature point = Feature.of("P1", "P1", "", gf.createPoint(new Coordinate(1.5, 2.5, -3.25)), Map.of());
        Mesh mesh = new Mesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0.5}, new int[] {0, 1, 2},
                Map.of("Au", new double[] {1.5, Double.NaN, 0.25}));
        Feature surface = Feature.ofMesh("roof", "3# seam roof", FeatureKind.SURFACE, "horizon", mesh, Map.of());
        List<Feature> in = List.of(line, point, surface);
        OmfFile back = roundTrip(in);
        assertEquals(in, back.features());
        assertEquals("fault", back.features().get(0).role());
        assertEquals("fault F7", back.features().get(0).name());
        assertTrue(Double.isNaN(back.features().get(2).mesh().vertexProperty("Au")[1]));
    }

    /**
     * The container omf-rust's reader accepts (src/file/zip_container.rs: stored members, the version comment); the
     * Parquet schemas are those of its src/file/parquet/schemas.rs (required double x, y, z; required uint32 a, b, c;
     * optional double number), read back here by parquet-hadoop.
     */
    @Test
    void theFileIsAnOmf2ZipOfStoredMembersWithItsIndexLast() throws IOException {
        roundTrip(OmfReaderTest.read("omf2_pyramid.omf", false).features());
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(dir.resolve("out.omf")))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                names.add(e.getName() + ":" + (e.getMethod() == ZipEntry.STORED ? "stored" : "deflated"));
            }
        }
        assertEquals(List.of("1.parquet:stored", "2.parquet:stored", "3.parquet:stored", "4.parquet:stored",
                "index.json.gz:stored"), names);
        // omf-rust's src/file/zip_container.rs: members must be stored, the comment "Open Mining Format 2.0"
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(dir.resolve("out.omf").toFile())) {
            assertEquals("Open Mining Format 2.0", z.getComment());
        }
    }

    @Test
    void polygonsAndFlatPointsAreLeftOutWithAWarning() throws IOException {
        GeometryFactory gf = new GeometryFactory();
        Feature polygon = Feature.of("goaf", "goaf", "goaf", gf.createPolygon(new Coordinate[] {new Coordinate(0, 0, 0),
            new Coordinate(1, 0, 0), new Coordinate(1, 1, 0), new Coordinate(0, 0, 0)}), Map.of());
        Feature flat = Feature.of("p", "p", "", gf.createPoint(new Coordinate(1, 2)), Map.of());
        Path f = dir.resolve("w.omf");
        OmfWriter.Result r;
        try (OutputStream out = Files.newOutputStream(f)) {
            r = OmfWriter.write(List.of(polygon, flat), "p", "", out);
        }
        assertEquals(0, r.elements());
        assertEquals(List.of("feature 'goaf' left out: OMF has no polygons",
                "feature 'p' left out: a vertex has no z (OMF vertices are 3D)"), r.warnings());
        assertEquals(List.of(), OmfReader.read(f, OmfOptions.defaults()).features());
        assertThrows(IllegalArgumentException.class, () -> OmfWriter.write(List.of(flat, flat), "p", "",
                OutputStream.nullOutputStream()));
    }
}
