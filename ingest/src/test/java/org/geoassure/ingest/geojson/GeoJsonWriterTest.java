package org.geoassure.ingest.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.Ogrinfo;
import org.geoassure.ingest.geopackage.GeoPackageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

/**
 * GeoJSON written by {@link GeoJsonWriter} from the GeoPackage sample (3D lines, points, multipolygons): read back by
 * {@link GeoJsonReader} it gives the same ids, coordinates (x, y and z, exactly) and attributes; read by GDAL's
 * ogrinfo (independent) it gives the same count, CRS and coordinates.
 */
class GeoJsonWriterTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(GeoJsonWriterTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("test resource " + name + " missing", e);
        }
    }

    static List<Feature> sample() {
        List<Feature> all = new ArrayList<>();
        for (var l : GeoPackageReader.read(resource("geopackage/sample.gpkg"), List.of("traces",
                "cities", "oceania"), FeatureOptions.defaults())) {
            all.addAll(l.file().features().stream().map(f -> new Feature(l.table() + "/" + f.id(), f.name(), f.kind(),
                    l.table().equals("traces") ? "fault" : "", f.geometry(), null, f.attributes())).toList());
        }
        return all;
    }

    private Path write(List<Feature> features, int epsg) throws IOException {
        Path f = dir.resolve("out.geojson");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                GeoJsonWriter.Collection c = GeoJsonWriter.open(w, epsg)) {
            for (Feature x : features) {
                c.write(x);
            }
        }
        return f;
    }

    static void assertSameCoordinates(Coordinate[] a, Coordinate[] b, double tol, String what) {
        assertEquals(a.length, b.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i].getX(), b[i].getX(), tol, what + " x " + i);
            assertEquals(a[i].getY(), b[i].getY(), tol, what + " y " + i);
            assertEquals(Double.isNaN(a[i].getZ()), Double.isNaN(b[i].getZ()), what + " z " + i);
            if (!Double.isNaN(a[i].getZ())) {
                assertEquals(a[i].getZ(), b[i].getZ(), tol, what + " z " + i);
            }
        }
    }

    @Test
    void roundTripThroughOurReader() throws IOException {
        List<Feature> in = sample();
        FeatureFile back = GeoJsonReader.read(write(in, 4326), FeatureOptions.defaults());
        assertEquals(4326, back.crs().epsg());
        assertEquals(in.size(), back.features().size());
        for (int i = 0; i < in.size(); i++) {
            Feature a = in.get(i);
            Feature b = back.features().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(a.name(), b.name());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.geometry().getGeometryType(), b.geometry().getGeometryType());
            assertSameCoordinates(a.geometry().getCoordinates(), b.geometry().getCoordinates(), 0, a.id());
            Map<String, Object> expected = new LinkedHashMap<>();
            if (!a.attributes().containsKey("name")) {
                expected.put("name", a.name());
            }
            expected.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
            expected.put("role", a.role());
            expected.putAll(a.attributes());
            assertEquals(expected, b.attributes(), a.id());
        }
    }

    /** {@code ogrinfo -ro -al out.geojson}: the features, their fields and WKT as GDAL reads them. */
    @Test
    void ogrinfoReadsTheSameFeatures() throws Exception {
        List<Feature> in = sample();
        Path f = write(in, 4326);
        String summary = Ogrinfo.run("-ro", "-so", "-al", f.toString());
        assertTrue(summary.contains("Feature Count: " + in.size()), summary);
        assertTrue(summary.contains("ID[\"EPSG\",4326]"), summary);
        List<Ogrinfo.OgrFeature> ogr = Ogrinfo.features(f);
        assertEquals(in.size(), ogr.size());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < in.size(); i += 7) {
            Feature a = in.get(i);
            assertEquals(a.name(), ogr.get(i).fields().get("name"));
            // ogrinfo prints 15 significant digits
            assertSameCoordinates(a.geometry().getCoordinates(), wkt.read(ogr.get(i).wkt()).getCoordinates(), 1e-9,
                    a.id());
        }
        assertEquals(FeatureKind.LINES, in.get(0).kind());
        assertEquals("1121", ogr.get(0).wkt().replaceAll("^.*?\\(-?[0-9.]+ -?[0-9.]+ ([0-9.]+),.*$", "$1"),
                "z of the first trace's first vertex");
    }
}
