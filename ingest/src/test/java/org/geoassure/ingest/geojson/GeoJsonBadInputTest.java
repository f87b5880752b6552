package org.geoassure.ingest.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;

/** Bad GeoJSON is refused naming the file, the line, the feature and the JSON path; edge cases of RFC 7946. */
class GeoJsonBadInputTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.geojson"), text, StandardCharsets.UTF_8);
    }

    private String fails(String text) throws IOException {
        Path f = write(text);
        return assertThrows(InvalidContentException.class,
                () -> GeoJsonReader.read(f, FeatureOptions.defaults())).getMessage();
    }

    private static String fc(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [\n" + String.join(",\n", features) + "\n]}";
    }

    @Test
    void badPosition() throws IOException {
        String m = fails(fc("{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\","
                + " \"coordinates\": [1, 2]}}", "{\"type\": \"Feature\", \"properties\": null, \"geometry\":"
                + " {\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, \"x\"]]}}"));
        assertEquals(dir.resolve("t.geojson") + ":3: feature 2: geometry.coordinates[1][1]: \"x\" is not a number", m);
    }

    @Test
    void unclosedRing() throws IOException {
        String m = fails(fc("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
                + " [[[0, 0], [1, 0], [1, 1], [0, 1]]]}}"));
        assertEquals(dir.resolve("t.geojson") + ":2: feature 1: geometry.coordinates[0]: a linear ring must end at its"
                + " first position", m);
    }

    @Test
    void unknownGeometryType() throws IOException {
        String m = fails(fc("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Circle\", \"coordinates\": [0, 0]}}"));
        assertTrue(m.endsWith(":2: feature 1: geometry.type: \"Circle\" is not a GeoJSON geometry type"), m);
    }

    @Test
    void truncatedFile() throws IOException {
        String all = Files.readString(GeoJsonGdalTest.file("usgs_nldi_features_by_comid.geojson"));
        Path f = write(all.substring(0, all.length() / 2));
        String m = assertThrows(InvalidContentException.class,
                () -> GeoJsonReader.read(f, FeatureOptions.defaults())).getMessage();
        assertTrue(m.startsWith(f + ":"), m);
        assertTrue(m.contains("not valid JSON"), m);
    }

    @Test
    void notGeoJson() throws IOException {
        Path f = write("[1, 2, 3]");
        assertThrows(UnsupportedFormatException.class, () -> GeoJsonReader.read(f, FeatureOptions.defaults()));
        Path g = write("{\"type\": \"Topology\", \"objects\": {}}");
        assertThrows(UnsupportedFormatException.class, () -> GeoJsonReader.read(g, FeatureOptions.defaults()));
    }

    @Test
    void zPropertiesIdAndLegacyCrs() throws IOException {
        Path f = write("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\":"
                + " \"urn:ogc:def:crs:EPSG::4527\"}}, \"features\": [\n"
                + "{\"type\": \"Feature\", \"id\": 7, \"properties\": {\"name\": \"roof\", \"n\": 3, \"x\": 2.5,"
                + " \"ok\": true, \"none\": null, \"nested\": {\"a\": [1]}}, \"geometry\": {\"type\": \"Polygon\","
                + " \"coordinates\": [[[0, 0, 10], [4, 0, 11], [4, 4, 12], [0, 0, 10]], [[1, 1, 5], [2, 1, 5],"
                + " [1.5, 1.5, 5], [1, 1, 5]]]}},\n"
                + "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": null},\n"
                + "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"GeometryCollection\","
                + " \"geometries\": [{\"type\": \"Point\", \"coordinates\": [1, 2, 3]}, {\"type\": \"Point\","
                + " \"coordinates\": [4, 5, 6, 99]}]}}]}");
        FeatureFile r = GeoJsonReader.read(f, FeatureOptions.defaults());
        assertEquals(4527, r.crs().epsg());
        assertEquals("urn:ogc:def:crs:EPSG::4527", r.crs().text());
        assertEquals(2, r.features().size());
        Feature a = r.features().get(0);
        assertEquals("7", a.id());
        assertEquals("roof", a.name());
        assertEquals(3L, a.attributes().get("n"));
        assertEquals(2.5, a.attributes().get("x"));
        assertEquals(Boolean.TRUE, a.attributes().get("ok"));
        assertNull(a.attributes().get("none"));
        assertEquals("{\"a\":[1]}", a.attributes().get("nested"));
        Polygon p = assertInstanceOf(Polygon.class, a.geometry());
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(12, p.getExteriorRing().getCoordinateN(2).getZ(), 0);
        MultiPoint mp = assertInstanceOf(MultiPoint.class, r.features().get(1).geometry());
        assertEquals(6, mp.getGeometryN(1).getCoordinate().getZ(), 0);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith(f + ":3: feature 2 has no geometry")),
                r.warnings()::toString);
    }

    @Test
    void singleGeometryObject() throws IOException {
        Path f = write("{\"coordinates\": [[0, 0], [1, 1]], \"type\": \"LineString\"}");
        FeatureFile r = GeoJsonReader.read(f, FeatureOptions.defaults());
        assertEquals(1, r.features().size());
        assertEquals(4326, r.crs().epsg(), "RFC 7946 default");
    }
}
