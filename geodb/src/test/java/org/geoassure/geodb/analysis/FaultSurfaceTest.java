package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Fault sides against plane geometry worked by hand, and the errors for features that are not usable faults. */
class FaultSurfaceTest {
    static final GeometryFactory GF = new GeometryFactory();

    /**
     * A trace running north along x = 0 at z 0, dipping 45 degrees: by the right-hand rule it dips east. At depth d the
     * fault is at x = d (tan 45 = 1), so the side of (x, y, −d) is x − d; a vertical fault's side is x at any depth.
     */
    @Test
    void sideOfAPlanarFault() {
        FaultSurface f = new FaultSurface("F", new double[] {0, 0}, new double[] {0, 100}, 0, 45);
        assertEquals(5, f.side(5, 50, 0), 1e-12);
        assertEquals(-5, f.side(5, 50, -10), 1e-12);
        assertEquals(15, f.side(5, 50, 10), 1e-12, "above the trace the fault is west of it");
        assertEquals(-3, f.side(-3, 500, 0), 1e-12, "beyond the end: the end segment continues");
        FaultSurface v = new FaultSurface("V", new double[] {0, 0}, new double[] {100, 0}, -300, 90);
        assertEquals(-7, v.side(7, 50, -1000), 1e-12, "a trace running south dips west: east is the footwall");
        // a dip of 60 degrees: at 30 m below the trace the fault is 30 / tan 60 = 17.3205 m east
        FaultSurface s = new FaultSurface("S", new double[] {0, 0}, new double[] {0, 100}, 0, 60);
        assertEquals(20 - 30 / Math.sqrt(3), s.side(20, 10, -30), 1e-9);
    }

    /** A bent trace: the side is taken to the nearest segment, both segments moved by their own dip direction. */
    @Test
    void sideOfABentTrace() {
        // north 100 m, then east 100 m; vertical: the hanging wall is east of the first leg and south of the second
        FaultSurface f = new FaultSurface("B", new double[] {0, 0, 100}, new double[] {0, 100, 100}, 0, 90);
        assertEquals(10, f.side(10, 20, 0), 1e-12);
        assertEquals(20, f.side(80, 80, 0), 1e-12, "nearest the second leg, 20 m south of it");
        assertEquals(-30, f.side(60, 130, 0), 1e-12);
    }

    @Test
    void fromALineFeatureWithZAndDip() {
        Feature line = Feature.of("F1", "fault F1", "fault", GF.createLineString(new Coordinate[] {
            new Coordinate(0, 0, -300), new Coordinate(0, 100, -300)}), Map.of("dip_deg", 70.0, "throw_m", 15.0));
        FaultSurface f = FaultSurface.fromFeature(line);
        assertEquals(-300, f.z(), 0.0);
        assertEquals(70, f.dipDeg(), 0.0);
        assertEquals(1, StratigraphicSurfaces.block(List.of(f), 10, 50, -300));
        assertEquals(0, StratigraphicSurfaces.block(List.of(f), -10, 50, -300));
    }

    @Test
    void featuresThatAreNotUsableFaultsAreRefusedByName() {
        Feature noDip = Feature.of("F2", "F2", "fault", GF.createLineString(new Coordinate[] {
            new Coordinate(0, 0, -300), new Coordinate(0, 100, -300)}), Map.of("throw_m", 6.0));
        Feature noZ = Feature.of("F3", "F3", "fault", GF.createLineString(new Coordinate[] {new Coordinate(0, 0),
            new Coordinate(0, 100)}), Map.of("dip_deg", 60L));
        Feature point = Feature.of("F4", "F4", "fault", GF.createPoint(new Coordinate(0, 0, 0)),
                Map.of("dip_deg", 60L));
        Feature steep = Feature.of("F5", "F5", "fault", GF.createLineString(new Coordinate[] {
            new Coordinate(0, 0, 0), new Coordinate(0, 100, 0)}), Map.of("dip_deg", 95L));
        String[][] cases = {{"fault 'F2': no numeric attribute dip_deg"},
            {"fault 'F3': trace vertex 0 has no elevation"}, {"fault 'F4': a Point, not a single line"},
            {"fault 'F5': dip 95.0 must be in (0, 90]"}};
        List<Feature> features = List.of(noDip, noZ, point, steep);
        for (int i = 0; i < cases.length; i++) {
            Feature f = features.get(i);
            InvalidContentException e = assertThrows(InvalidContentException.class, () -> FaultSurface.fromFeature(f));
            assertTrue(e.getMessage().startsWith(cases[i][0]), e.getMessage());
        }
    }
}
