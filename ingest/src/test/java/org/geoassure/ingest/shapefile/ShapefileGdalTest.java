package org.geoassure.ingest.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The real Shapefiles (src/test/resources/shapefile, SOURCES.md) against what GDAL 3.6.2 (Debian gdal-bin,
 * {@code ogrinfo -ro -al -so FILE} and {@code ogrinfo -ro -al -fid N FILE}) reports for them; the values were
 * copied by hand from its output on 2026-11-29.
 */
class ShapefileGdalTest {
    static Path file(String name) {
        try {
            return Path.of(ShapefileGdalTest.class.getResource("/shapefile/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource shapefile/" + name + " missing", e);
        }
    }

    private static FeatureFile read(String name) {
        return ShapefileReader.read(file(name), FeatureOptions.defaults());
    }

    private static Envelope extent(FeatureFile f) {
        Envelope e = new Envelope();
        for (Feature x : f.features()) {
            e.expandToInclude(x.geometry().getEnvelopeInternal());
        }
        return e;
    }

    private static void assertExtent(Envelope e, double minX, double minY, double maxX, double maxY) {
        // ogrinfo prints the extent with 6 decimals
        assertEquals(minX, e.getMinX(), 5e-7);
        assertEquals(minY, e.getMinY(), 5e-7);
        assertEquals(maxX, e.getMaxX(), 5e-7);
        assertEquals(maxY, e.getMaxY(), 5e-7);
    }

    @Test
    void cfmTracesPolyLineZ() {
        FeatureFile f = read("cfm7_traces_Rup.shp");
        // Geometry: 3D Line String; Feature Count: 48; Extent: (-120.560376, 31.995365) - (-114.941356, 37.235779)
        assertEquals(48, f.features().size());
        assertExtent(extent(f), -120.560376, 31.995365, -114.941356, 37.235779);
        assertEquals(4326, f.crs().epsg(), "GEOGCS GCS_WGS_1984 .prj");
        Feature a = f.features().get(0);
        assertEquals(FeatureKind.LINES, a.kind());
        // OGRFeature 0: Name = MJVA-ECSZ-1992-Landers_rupture_detailed_splays-RUP6, tessellate (Integer64) = 1,
        // visibility = -1, descriptio = (null), wAvgStrike (Real) = 152, TotalArea = 1559.38,
        // LINESTRING Z of 8 points from (-116.422320681355 34.173358703502 1121) to
        // (-116.458665258241 34.312397037311 989.021)
        assertEquals("MJVA-ECSZ-1992-Landers_rupture_detailed_splays-RUP6", a.name());
        assertEquals(1L, a.attributes().get("tessellate"));
        assertEquals(-1L, a.attributes().get("visibility"));
        assertNull(a.attributes().get("descriptio"));
        assertTrue(a.attributes().containsKey("descriptio"));
        assertEquals(152.0, a.attributes().get("wAvgStrike"));
        assertEquals(1559.38, (Double) a.attributes().get("TotalArea"), 1e-12);
        assertEquals("Mojave Fault Area", a.attributes().get("FaultArea"));
        assertEquals("Pollitz & Stacks 2002 (BSSA), Bryant 2005+updates, Hauksson et al., 2012+updates",
                a.attributes().get("References"));
        LineString ls = assertInstanceOf(LineString.class, a.geometry());
        assertEquals(8, ls.getNumPoints());
        assertCoordinate(ls.getCoordinateN(0), -116.422320681355, 34.173358703502, 1121);
        assertCoordinate(ls.getCoordinateN(7), -116.458665258241, 34.312397037311, 989.021);
        assertEquals(29, a.attributes().size(), "29 DBF fields");
        // OGRFeature 47: Name = SNFA-OVFZ-1872-Owens_Valley_fault_rupture-RUP6, starts (-118.020528835837
        // 36.506485467801 1092)
        Feature last = f.features().get(47);
        assertEquals("SNFA-OVFZ-1872-Owens_Valley_fault_rupture-RUP6", last.name());
        assertCoordinate(last.geometry().getCoordinates()[0], -118.020528835837, 36.506485467801, 1092);
        assertEquals(5, f.sources().size(), "shp, shx, dbf, prj, cpg");
    }

    private static void assertCoordinate(Coordinate c, double x, double y, double z) {
        // ogrinfo prints 15 significant digits
        assertEquals(x, c.x, 1e-12);
        assertEquals(y, c.y, 1e-12);
        assertEquals(z, c.getZ(), 1e-9);
    }

    @Test
    void citiesPoint() {
        FeatureFile f = read("naturalearth_cities.shp");
        // Geometry: Point; Feature Count: 243; Extent: (-175.220564, -41.292068) - (179.216647, 64.143459)
        assertEquals(243, f.features().size());
        assertExtent(extent(f), -175.220564, -41.292068, 179.216647, 64.143459);
        // OGRFeature 0: name = Vatican City, POINT (12.4533865 41.9032822); 242: Hong Kong, (114.1830635 22.3069268)
        Feature v = f.features().get(0);
        assertEquals("Vatican City", v.attributes().get("name"));
        Point p = assertInstanceOf(Point.class, v.geometry());
        assertEquals(12.4533865, p.getX(), 1e-12);
        assertEquals(41.9032822, p.getY(), 1e-12);
        assertTrue(Double.isNaN(p.getCoordinate().getZ()), "2-D type: z NaN");
        Feature hk = f.features().get(242);
        assertEquals("Hong Kong", hk.name());
        assertEquals(114.1830635, ((Point) hk.geometry()).getX(), 1e-12);
        assertEquals("243", hk.id());
    }

    @Test
    void countriesPolygonsWithHolesAndParts() {
        FeatureFile f = read("naturalearth_lowres.shp");
        // Geometry: Polygon; Feature Count: 177; Extent: (-180, -90) - (180, 83.645130); 29 are MULTIPOLYGONs;
        // pop_est Real (24.15), gdp_md_est Integer64 (18.0)
        assertEquals(177, f.features().size());
        assertExtent(extent(f), -180, -90, 180, 83.645130);
        assertEquals(29, f.features().stream().filter(x -> x.geometry() instanceof MultiPolygon).count());
        assertTrue(f.features().stream().allMatch(x -> x.kind() == FeatureKind.POLYGONS));
        // OGRFeature 0: Fiji, pop_est 889953, continent Oceania, iso_a3 FJI, gdp_md_est 5496, MULTIPOLYGON of 3
        Feature fiji = f.features().get(0);
        assertEquals(List.of("pop_est", "continent", "name", "iso_a3", "gdp_md_est"),
                List.copyOf(fiji.attributes().keySet()));
        assertEquals(889953.0, fiji.attributes().get("pop_est"));
        assertEquals(5496L, fiji.attributes().get("gdp_md_est"));
        assertEquals("FJI", fiji.attributes().get("iso_a3"));
        assertEquals(3, assertInstanceOf(MultiPolygon.class, fiji.geometry()).getNumGeometries());
        // OGRFeature 25: South Africa, POLYGON with a shell of 82 points and one hole (Lesotho) of 12 points
        // starting at (28.9782625668572 -28.9555966122617)
        Feature za = f.features().get(25);
        assertEquals("South Africa", za.name());
        Polygon p = assertInstanceOf(Polygon.class, za.geometry());
        assertEquals(82, p.getExteriorRing().getNumPoints());
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(12, p.getInteriorRingN(0).getNumPoints());
        assertEquals(28.9782625668572, p.getInteriorRingN(0).getCoordinateN(0).x, 1e-12);
        assertEquals(-28.9555966122617, p.getInteriorRingN(0).getCoordinateN(0).y, 1e-12);
        // select count(*) ... where continent='Africa': 51
        assertEquals(51, f.features().stream().filter(x -> "Africa".equals(x.attributes().get("continent"))).count());
    }

    @Test
    void blockGroupsWithoutPrj() {
        FeatureFile f = read("pyshp_blockgroups.shp");
        // Feature Count: 663; Extent: (-122.515048, 37.652916) - (-122.327622, 37.863433); Layer SRS WKT: (unknown);
        // 8 MULTIPOLYGONs; OGRFeature 0: AREA 0.96761, BKG_KEY 060750179029, POP1990 4531, POP90_SQMI 4682.7,
        // MULTIPOLYGON of 3 polygons starting (-122.420391 37.863433)
        assertEquals(663, f.features().size());
        assertExtent(extent(f), -122.515048, 37.652916, -122.327622, 37.863433);
        assertNull(f.crs());
        assertEquals(8, f.features().stream().filter(x -> x.geometry() instanceof MultiPolygon).count());
        Feature b = f.features().get(0);
        assertEquals(0.96761, b.attributes().get("AREA"));
        assertEquals("060750179029", b.attributes().get("BKG_KEY"), "text keeps its leading zero");
        assertEquals(4531L, b.attributes().get("POP1990"));
        assertEquals(4682.7, b.attributes().get("POP90_SQMI"));
        Geometry g = b.geometry();
        assertEquals(3, assertInstanceOf(MultiPolygon.class, g).getNumGeometries());
        assertEquals(-122.420391, g.getGeometryN(0).getCoordinates()[0].x, 0);
        assertEquals(37.863433, g.getGeometryN(0).getCoordinates()[0].y, 0);
    }
}
