package org.geoassure.ingest.gocad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Point;

/**
 * The real GOCAD files against the expectations of shared/data/reference-results.md section E and the vertex and
 * triangle counts of shared/data/surfaces/README.md (counted there from the CFM 7.0 distribution and the AuScope
 * geomodel-2-3dweb test inputs). Coordinates quoted below are copied from the files' text.
 */
class GocadReferenceTest {
    private static FeatureFile read(String name) {
        return GocadReader.read(GocadSamples.file(name), FeatureOptions.defaults());
    }

    private static Mesh onlyMesh(FeatureFile f) {
        assertEquals(1, f.features().size());
        Feature s = f.features().get(0);
        assertEquals(FeatureKind.SURFACE, s.kind());
        return s.mesh();
    }

    @ParameterizedTest
    @CsvSource({
        "cfm7_SAFS-SAFZ-CRRZ-San_Andreas_fault-CFM6_native.ts, 273, 407",
        "cfm7_PNRA-ELSZ-WHIT-Whittier_fault-CFM6_2000m.ts, 262, 431",
        "cfm7_ETRA-BBFS-1992-Big_Bear_rupture-RUP6_native.ts, 21, 17",
        "cfm7_MJVA-ECSZ-1992-Landers_rupture_detailed_splays-RUP6_native.ts, 239, 221",
        "cfm7_SAFS-SAFZ-1857-San_Andreas_fault_rupture-RUP6_2000m.ts, 1568, 2766",
        "auscope_tsTest.ts, 582, 989",
        "auscope_otway_test.ts, 49, 55"})
    void tsurfCountsAsInTheReadme(String file, int vertices, int triangles) {
        Mesh m = onlyMesh(read(file));
        assertEquals(vertices, m.vertexCount());
        assertEquals(triangles, m.triangleCount());
    }

    @Test
    void sanAndreasNativeIsNamedAndElevationPositive() {
        FeatureFile f = read("cfm7_SAFS-SAFZ-CRRZ-San_Andreas_fault-CFM6_native.ts");
        Feature s = f.features().get(0);
        assertEquals("SAFS-SAFZ-CRRZ-San_Andreas_fault-CFM6", s.id());
        assertEquals(1L, s.attributes().get("tfaces"));
        double[] b = s.mesh().bounds();
        // UTM 11 N metres (README): eastings of a few 1e5, northings ~3.7e6; a fault goes below sea level
        assertTrue(b[0] > 1e5 && b[3] < 1e6, () -> java.util.Arrays.toString(b));
        assertTrue(b[1] > 3.0e6 && b[4] < 4.5e6, () -> java.util.Arrays.toString(b));
        assertTrue(b[2] < -5000, () -> java.util.Arrays.toString(b));
        assertEquals(64, f.sources().get(0).sha256().length());
        assertTrue(f.warnings().isEmpty(), f.warnings()::toString);
    }

    @Test
    void bigBearFirstVertexAsWritten() {
        // "VRTX 1  517734.21875 3782160.00000 -10580.96094", ZPOSITIVE Elevation: kept as is
        Mesh m = onlyMesh(read("cfm7_ETRA-BBFS-1992-Big_Bear_rupture-RUP6_native.ts"));
        assertEquals(517734.21875, m.coordinate(0, 0), 0);
        assertEquals(3782160.0, m.coordinate(0, 1), 0);
        assertEquals(-10580.96094, m.coordinate(0, 2), 0);
    }

    @Test
    void tsTestThreeTfacesDepthToElevationAndProperties() {
        Feature s = read("auscope_tsTest.ts").features().get(0);
        assertEquals("Surface", s.name());
        assertEquals(3L, s.attributes().get("tfaces"));
        Mesh m = s.mesh();
        assertEquals(List.of("Density_Feb09", "Susceptibility_Feb09", "Density_Feb09_RefModel",
                "Density_Feb09_Smooth", "Susceptibility_Feb09_smth"), List.copyOf(m.vertexProperties().keySet()));
        // "PVRTX 1 927500 6932676.046875 3750 -100 -1 -100 -100 -1" with ZPOSITIVE Depth: z = -3750, all no-data
        assertEquals(927500, m.coordinate(0, 0), 0);
        assertEquals(6932676.046875, m.coordinate(0, 1), 0);
        assertEquals(-3750, m.coordinate(0, 2), 0);
        for (double[] p : m.vertexProperties().values()) {
            assertTrue(Double.isNaN(p[0]));
        }
        // z positive down became elevation: x ~ 9.3e5, y ~ 6.93e6 (README), all z <= 0 here
        assertTrue(m.bounds()[5] <= 0, () -> java.util.Arrays.toString(m.bounds()));
    }

    @Test
    void otwayIsAFaultWithUv() {
        Feature s = read("auscope_otway_test.ts").features().get(0);
        assertEquals("flt_un48", s.id());
        assertEquals("fault", s.role());
        assertEquals("sticks_Flt3_UN68", s.attributes().get("geological_feature"));
        // "PVRTX 1 534572.046875 5828425 113.02533721923828 -12229.705078125 -1731.8048095703125"
        assertEquals(113.02533721923828, s.mesh().coordinate(0, 2), 0);
        assertEquals(-12229.705078125, s.mesh().vertexProperty("U")[0], 0);
        assertEquals(-1731.8048095703125, s.mesh().vertexProperty("V")[0], 0);
    }

    @Test
    void plineRectangleTwoIlines() {
        FeatureFile f = read("auscope_plTest.pl");
        Feature l = f.features().get(0);
        assertEquals("Rectangle", l.name());
        assertEquals(FeatureKind.LINES, l.kind());
        Geometry g = l.geometry();
        MultiLineString ml = assertInstanceOf(MultiLineString.class, g);
        assertEquals(2, ml.getNumGeometries());
        // 6 VRTX and 6 SEG per ILINE, SEG 6 1 closes the ring: 7 points each, 12 vertices + 2 repeats
        for (int i = 0; i < 2; i++) {
            LineString ls = (LineString) ml.getGeometryN(i);
            assertEquals(7, ls.getNumPoints());
            assertTrue(ls.isClosed());
        }
        // "VRTX 5 867470.96875 6847443.9375 420.75283813476562", ZPOSITIVE Depth
        Coordinate c = ((LineString) ml.getGeometryN(0)).getCoordinateN(4);
        assertEquals(867470.96875, c.x, 0);
        assertEquals(-420.75283813476562, c.getZ(), 0);
    }

    @Test
    void vsetPyramids() {
        Feature p = read("auscope_vsTest.vs").features().get(0);
        assertEquals("Pyramids", p.name());
        assertEquals(FeatureKind.POINTS, p.kind());
        assertEquals(2764, p.geometry().getNumGeometries());
    }

    @Test
    void groupReadsAllSixMembers() {
        FeatureFile f = read("auscope_gpTest.gp");
        assertEquals(6, f.features().size());
        assertEquals(List.of("Alford", "Anabama", "Anabama_Hill", "Anabama_Hill_East", "Bassanio", "Bendigo"),
                f.features().stream().map(Feature::name).toList());
        Feature a = f.features().get(0);
        assertEquals("SA_Mineral_Occurrences_Molybdenum/objects/Alford", a.attributes().get("group"));
        // "PVRTX 1 753699.7578125 6248200 40.697822570800781 21 8945 137.74... -33.87... 753700 6248200 53"
        Point pt = assertInstanceOf(Point.class, a.geometry());
        assertEquals(753699.7578125, pt.getX(), 0);
        assertEquals(40.697822570800781, pt.getCoordinate().getZ(), 0);
        assertEquals(8945.0, a.attributes().get("MINDEP_NO"));
        assertEquals(53.0, a.attributes().get("ZONE"));
        assertNull(f.crs(), "NAME DEFAULT is no CRS");
    }

    @Test
    void wellPathFromStations() {
        FeatureFile f = read("auscope_wlTest.wl");
        Feature w = f.features().get(0);
        assertEquals("wlTest", w.id());
        assertEquals(FeatureKind.LINES, w.kind());
        LineString ls = assertInstanceOf(LineString.class, w.geometry());
        assertEquals(25, ls.getNumPoints(), "25 STATION lines, the first at md 0");
        // WREF 684270.15625 6635197.5625 98.8851318359375
        assertEquals(684270.15625, ls.getCoordinateN(0).x, 0);
        assertEquals(98.8851318359375, ls.getCoordinateN(0).getZ(), 0);
        // last station md 465.299988, inclinations <= 2.53 deg: the bottom is between 465.3 * cos(2.53 deg) and
        // 465.3 below WREF, and within 465.3 * sin(2.53 deg) = 20.5 m of it horizontally
        Coordinate end = ls.getCoordinateN(24);
        double drop = 98.8851318359375 - end.getZ();
        assertTrue(drop <= 465.299988 && drop >= 465.299988 * Math.cos(Math.toRadians(2.53)), () -> "" + drop);
        assertTrue(end.distance(ls.getCoordinateN(0)) <= 20.6, () -> "" + end);
        assertEquals("Magnetic_Susceptibility,Specific_Gravity", w.attributes().get("curves"));
        assertTrue(f.warnings().get(0).contains("not read"), f.warnings()::toString);
    }
}
