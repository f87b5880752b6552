package org.geoassure.ingest.dxf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.geoassure.geodb.model.Feature;
import org.geoassure.geodb.model.FeatureKind;
import org.geoassure.geodb.model.Mesh;
import org.geoassure.ingest.feature.FeatureFile;
import org.geoassure.ingest.feature.FeatureOptions;
import org.geoassure.ingest.feature.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

/**
 * DXF files (src/test/resources/dxf, SOURCES.md) against GDAL 3.6.2's DXF driver: counts, extents and coordinates
 * copied from {@code ogrinfo -ro -al [-so]} output (2026-11-29), the header's $EXTMIN/$EXTMAX, and a live
 * feature-by-feature comparison with ogrinfo.
 */
class DxfGdalTest {
    static Path file(String name) {
        try {
            return Path.of(DxfGdalTest.class.getResource("/dxf/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource dxf/" + name + " missing", e);
        }
    }

    private static FeatureFile read(String name) {
        return DxfReader.read(file(name), FeatureOptions.defaults());
    }

    private static Envelope extent(FeatureFile f) {
        Envelope e = new Envelope();
        f.features().forEach(x -> e.expandToInclude(x.geometry().getEnvelopeInternal()));
        return e;
    }

    @Test
    void sic97BordersR12() {
        FeatureFile f = read("sic97_borders.dxf");
        // shared/data/surfaces/README.md: 4 POLYLINEs with 1 289 VERTEX records; ogrinfo: 4 LINESTRINGs of 338, 234,
        // 361 and 356 points on layer 0CH97TEST, the first from (108841.09 26373.0)
        assertEquals(4, f.features().size());
        assertEquals(List.of(338, 234, 361, 356), f.features().stream().map(x -> x.geometry().getNumPoints()).toList());
        Feature a = f.features().get(0);
        assertEquals("0CH97TEST", a.attributes().get("layer"));
        assertEquals("POLYLINE", a.attributes().get("entity"));
        Coordinate c = a.geometry().getCoordinates()[0];
        assertEquals(108841.09, c.x, 0);
        assertEquals(26373.0, c.y, 0);
        assertEquals(0, c.getZ(), 0, "2D polyline at elevation 0 (DXF default)");
        // $EXTMIN -169990.39, -111695.54; $EXTMAX 177125.66, 108158.28 (the file's header; ogrinfo's extent too)
        Envelope e = extent(f);
        assertEquals(new Envelope(-169990.39, 177125.66, -111695.54, 108158.28), e);
        assertNull(f.crs());
    }

    @Test
    void pygslibSectionR2007() {
        FeatureFile f = read("pygslib_section_S_0.dxf");
        // ogrinfo: Feature Count 9; Extent (-5.540399, 0.000000) - (193.913956, 127.932844); handles 52..5A; layers
        // hw, fw, bbox, topo, dhole x 5; feature 0 from (-3.86149003147899 44.1552990556139)
        assertEquals(9, f.features().size());
        Envelope e = extent(f);
        assertEquals(-5.540399, e.getMinX(), 5e-7);
        assertEquals(0.0, e.getMinY(), 5e-7);
        assertEquals(193.913956, e.getMaxX(), 5e-7);
        assertEquals(127.932844, e.getMaxY(), 5e-7);
        assertEquals(List.of("hw", "fw", "bbox", "topo", "dhole", "dhole", "dhole", "dhole", "dhole"),
                f.features().stream().map(Feature::name).toList());
        assertEquals("52", f.features().get(0).id());
        LineString hw = assertInstanceOf(LineString.class, f.features().get(0).geometry());
        assertEquals(11, hw.getNumPoints());
        assertEquals(-3.861490031478994, hw.getCoordinateN(0).x, 0);
        assertEquals(44.15529905561391, hw.getCoordinateN(0).y, 0);
        // S_-10: Feature Count 4 (the shared README's "9 LWPOLYLINEs each" is not true of this one)
        assertEquals(4, read("pygslib_section_S_-10.dxf").features().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sic97_borders.dxf", "pygslib_section_S_0.dxf", "pygslib_section_S_-10.dxf"})
    void linesSameAsOgrinfo(String name) throws Exception {
        List<Ogrinfo.OgrFeature> gdal = Ogrinfo.features(file(name));
        FeatureFile f = read(name);
        assertEquals(gdal.size(), f.features().size());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < gdal.size(); i++) {
            Feature ours = f.features().get(i);
            Geometry theirs = wkt.read(gdal.get(i).wkt());
            // GDAL writes 2D polylines without z and 15 significant digits
            assertTrue(theirs.equalsExact(ours.geometry(), 1e-9), name + " feature " + i);
            assertEquals(gdal.get(i).fields().get("Layer"), ours.attributes().get("layer"));
            String handle = gdal.get(i).fields().get("EntityHandle");
            if (handle != null) {
                assertEquals(handle, ours.attributes().get("handle"));
            }
        }
    }

    @Test
    void entitiesSameAsOgrinfo() throws Exception {
        Path p = file("entities_r12.dxf");
        List<Ogrinfo.OgrFeature> gdal = Ogrinfo.features(p);
        FeatureFile f = read("entities_r12.dxf");
        WKTReader wkt = new WKTReader();
        // LINE, POINT, LWPOLYLINE closed at elevation -120, LWPOLYLINE with extrusion (0,-1,0), 3D POLYLINE: GDAL
        // features 0..4, geometry and z equal
        for (int i = 0; i < 5; i++) {
            Geometry theirs = wkt.read(gdal.get(i).wkt());
            Geometry ours = f.features().get(i).geometry();
            assertTrue(theirs.equalsExact(ours), theirs + " vs " + ours);
            Coordinate[] a = theirs.getCoordinates();
            Coordinate[] b = ours.getCoordinates();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k].getZ(), b[k].getZ(), 1e-12);
            }
            assertEquals(gdal.get(i).fields().get("EntityHandle"), f.features().get(i).id());
        }
        // polyface: GDAL POLYHEDRALSURFACE Z (((0 0 0,10 0 0,10 10 1,0 0 0)),((0 0 0,10 10 1,0 10 1,0 0 0)))
        Feature goaf = f.features().get(5);
        assertEquals(FeatureKind.SURFACE, goaf.kind());
        assertEquals(triangles(gdal.get(5).wkt()), triangles(goaf.mesh()));
        // 3DFACEs of layer seam_roof: GDAL gives one POLYGON Z per face (features 6..8); ours one mesh, vertices
        // merged (3 + 1 + 4 = 8), the quad split in two
        Feature roof = f.features().get(6);
        assertEquals("3DFACE:seam_roof", roof.id());
        Mesh m = roof.mesh();
        assertEquals(8, m.vertexCount());
        assertEquals(4, m.triangleCount());
        Set<List<Double>> theirVertices = new HashSet<>();
        double theirArea = 0;
        for (int i = 6; i <= 8; i++) {
            Geometry g = wkt.read(gdal.get(i).wkt());
            theirArea += g.getArea();
            for (Coordinate c : g.getCoordinates()) {
                theirVertices.add(List.of(c.x, c.y, c.getZ()));
            }
        }
        Set<List<Double>> ourVertices = new HashSet<>();
        for (int v = 0; v < m.vertexCount(); v++) {
            ourVertices.add(List.of(m.coordinate(v, 0), m.coordinate(v, 1), m.coordinate(v, 2)));
        }
        assertEquals(theirVertices, ourVertices);
        double ourArea = 0;
        for (List<List<Double>> t : triangles(m)) {
            ourArea += Math.abs((t.get(1).get(0) - t.get(0).get(0)) * (t.get(2).get(1) - t.get(0).get(1))
                    - (t.get(2).get(0) - t.get(0).get(0)) * (t.get(1).get(1) - t.get(0).get(1))) / 2;
        }
        assertEquals(theirArea, ourArea, 1e-12);
        assertEquals(7, f.features().size(), "the CIRCLE is not read");
        assertTrue(f.warnings().stream().anyMatch(w -> w.endsWith("entities not read: CIRCLE 1")),
                f.warnings()::toString);
    }

    /** Triangles of a GDAL POLYHEDRALSURFACE Z WKT, each as its 3 corners. */
    private static Set<List<List<Double>>> triangles(String wkt) {
        Set<List<List<Double>>> out = new HashSet<>();
        String body = wkt.substring(wkt.indexOf("(((") + 3, wkt.lastIndexOf(")))"));
        for (String ring : body.split("\\)\\),\\(\\(")) {
            List<List<Double>> t = new ArrayList<>();
            String[] pts = ring.split(",");
            for (int i = 0; i < 3; i++) {
                String[] v = pts[i].strip().split(" ");
                t.add(List.of(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])));
            }
            out.add(t);
        }
        return out;
    }

    private static Set<List<List<Double>>> triangles(Mesh m) {
        Set<List<List<Double>>> out = new HashSet<>();
        for (int t = 0; t < m.triangleCount(); t++) {
            List<List<Double>> tri = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                int v = m.corner(t, c);
                tri.add(List.of(m.coordinate(v, 0), m.coordinate(v, 1), m.coordinate(v, 2)));
            }
            out.add(tri);
        }
        return out;
    }
}
