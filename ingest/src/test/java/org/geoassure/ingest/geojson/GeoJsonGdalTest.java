package org.geoassure.ingest.geojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Feature;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/**
 * The USGS NLDI GeoJSON files (src/test/resources/geojson, SOURCES.md) against GDAL 3.6.2: counts, extents and
 * values copied from {@code ogrinfo -ro -al -so} / {@code ogrinfo -ro -al -fid N} output (2026-11-29), and a
 * feature-by-feature comparison with a live ogrinfo run.
 */
class GeoJsonGdalTest {
    static Path file(String name) {
        try {
            return Path.of(GeoJsonGdalTest.class.getResource("/geojson/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource geojson/" + name + " missing", e);
        }
    }

    private static FeatureFile read(String name) {
        return GeoJsonReader.read(file(name), FeatureOptions.defaults());
    }

    private static Envelope extent(FeatureFile f) {
        Envelope e = new Envelope();
        f.features().forEach(x -> e.expandToInclude(x.geometry().getEnvelopeInternal()));
        return e;
    }

    private static void assertExtent(FeatureFile f, double minX, double minY, double maxX, double maxY) {
        Envelope e = extent(f);
        assertEquals(minX, e.getMinX(), 5e-7);
        assertEquals(minY, e.getMinY(), 5e-7);
        assertEquals(maxX, e.getMaxX(), 5e-7);
        assertEquals(maxY, e.getMaxY(), 5e-7);
    }

    @Test
    void pointsByComid() {
        FeatureFile f = read("usgs_nldi_features_by_comid.geojson");
        // Geometry: Point; Feature Count: 45; Extent: (-89.512275, 43.065444) - (-89.416670, 43.113437); EPSG 4326
        assertEquals(45, f.features().size());
        assertExtent(f, -89.512275, 43.065444, -89.416670, 43.113437);
        assertEquals(4326, f.crs().epsg());
        // OGRFeature 44: identifier NALMS-F1569337, name "Lake Mendota, Dane County, WI, USA", comid (String)
        // 13294314, POINT (-89.42 43.105)
        Feature last = f.features().get(44);
        assertEquals("Lake Mendota, Dane County, WI, USA", last.name());
        assertEquals("NALMS-F1569337", last.attributes().get("identifier"));
        assertEquals("13294314", last.attributes().get("comid"), "a JSON string stays a string");
        Point p = assertInstanceOf(Point.class, last.geometry());
        assertEquals(-89.42, p.getX(), 0);
        assertEquals(43.105, p.getY(), 0);
        assertTrue(Double.isNaN(p.getCoordinate().getZ()));
        assertEquals("45", last.id(), "no id member: the feature number");
        assertEquals(List.of("type", "source", "sourceName", "identifier", "name", "uri", "comid", "navigation"),
                List.copyOf(last.attributes().keySet()));
    }

    @Test
    void basinPolygon() {
        FeatureFile f = read("usgs_nldi_basin.geojson");
        // Geometry: Polygon; Feature Count: 1; Extent: (-89.594046, 43.048400) - (-89.410715, 43.168773);
        // POLYGON ((-89.467166934 43.120532162, ... of 122 positions, no hole
        assertEquals(1, f.features().size());
        assertExtent(f, -89.594046, 43.048400, -89.410715, 43.168773);
        Polygon p = assertInstanceOf(Polygon.class, f.features().get(0).geometry());
        assertEquals(122, p.getExteriorRing().getNumPoints());
        assertEquals(0, p.getNumInteriorRing());
        assertEquals(-89.467166934, p.getExteriorRing().getCoordinateN(0).x, 0);
        assertEquals(Map.of(), f.features().get(0).attributes());
    }

    @Test
    void flowline() {
        FeatureFile f = read("usgs_nldi_flowlines.geojson");
        // Geometry: Line String; Feature Count: 1; Extent: (-89.482288, 43.096961) - (-89.410033, 43.107468);
        // nhdplus_comid (String) = 13294314; LINESTRING (-89.482287705 43.1049596,-89.482173502 43.104764298, ...
        assertExtent(f, -89.482288, 43.096961, -89.410033, 43.107468);
        Feature l = f.features().get(0);
        assertEquals("13294314", l.attributes().get("nhdplus_comid"));
        LineString ls = assertInstanceOf(LineString.class, l.geometry());
        assertEquals(-89.482173502, ls.getCoordinateN(1).x, 0);
        assertEquals(43.104764298, ls.getCoordinateN(1).y, 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usgs_nldi_features_by_comid.geojson", "usgs_nldi_basin.geojson",
        "usgs_nldi_flowlines.geojson"})
    void sameAsOgrinfo(String name) throws Exception {
        List<Ogrinfo.OgrFeature> gdal = Ogrinfo.features(file(name));
        FeatureFile f = read(name);
        assertEquals(gdal.size(), f.features().size());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < gdal.size(); i++) {
            Feature ours = f.features().get(i);
            // ogrinfo prints up to 15 significant digits
            assertTrue(wkt.read(gdal.get(i).wkt()).equalsExact(ours.geometry(), 1e-9), "feature " + i);
            for (Map.Entry<String, String> e : gdal.get(i).fields().entrySet()) {
                Object v = ours.attributes().get(e.getKey());
                assertEquals(e.getValue(), v == null ? "(null)" : v.toString(), "feature " + i + " " + e.getKey());
            }
        }
    }
}
