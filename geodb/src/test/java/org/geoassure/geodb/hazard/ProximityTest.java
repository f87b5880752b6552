package org.geoassure.geodb.hazard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Face-to-hazard distances worked by hand. The face is a straight line from (0, 0, −300) to (100, 0, −300).
 * Default rule set with a 20 m pillar: faults exploration line at 40 m, warning line at 100 m; goaf, old workings
 * and boreholes 20 m and 80 m, plus 20 m where the boundary is inferred.
 */
class ProximityTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final Feature FACE = Feature.of("F1201", "face 1201", "face", line(0, 0, -300, 100, 0, -300), Map.of());
    static final ProximityRules RULES = ProximityRules.explorationAndWarning(20, 20);

    static Geometry line(double... xyz) {
        Coordinate[] cs = new Coordinate[xyz.length / 3];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = new Coordinate(xyz[3 * k], xyz[3 * k + 1], xyz[3 * k + 2]);
        }
        return GF.createLineString(cs);
    }

    static Geometry square(double x0, double y0, double x1, double y1, double z) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0, z), new Coordinate(x1, y0, z),
            new Coordinate(x1, y1, z), new Coordinate(x0, y1, z), new Coordinate(x0, y0, z)});
    }

    @Test
    void faultTraceAtThirtyMetres() {
        // Fault trace (50, 30, −300)–(50, 80, −300): nearest (50, 0, −300) on the face, (50, 30, −300) on the fault;
        // 3D = plan = 30 m <= 40 m: the exploration line is reached.
        Feature fault = Feature.of("FA", "F-A", "fault", line(50, 30, -300, 50, 80, -300), Map.of());
        ProximityHit h = Proximity.evaluate(List.of(FACE), List.of(fault), RULES).hit("F1201", "FA");
        assertAll(
                () -> assertEquals(30, h.distance3d(), 1e-12),
                () -> assertEquals(30, h.distancePlan(), 1e-12),
                () -> assertArrayEquals(new double[] {50, 0, -300}, h.faceNearest(), 1e-12),
                () -> assertArrayEquals(new double[] {50, 30, -300}, h.featureNearest(), 1e-12),
                () -> assertEquals("exploration_line", h.level()),
                () -> assertEquals(40, h.levelDistance()));
    }

    @Test
    void goafAboveAndAside() {
        // Goaf outline x 200..260, y −10..10 at z −260: plan distance from the face end (100, 0) to the edge x = 200
        // is 100 m; 3D √(100² + 40²) = 107.703 30 m. Both beyond the 80 m warning line: no line, 27.703 30 m to go.
        Feature goaf = Feature.of("G7", "goaf 7", "goaf", square(200, -10, 260, 10, -260), Map.of());
        ProximityHit h = Proximity.evaluate(List.of(FACE), List.of(goaf), RULES).hit("F1201", "G7");
        assertAll(
                () -> assertEquals(100, h.distancePlan(), 1e-12),
                () -> assertEquals(Math.sqrt(100 * 100 + 40 * 40), h.distance3d(), 1e-12),
                () -> assertEquals(107.70330, h.distance3d(), 1e-5),
                () -> assertArrayEquals(new double[] {100, 0, -300}, h.faceNearest(), 1e-12),
                () -> assertEquals(200, h.featureNearest()[0], 1e-12),
                () -> assertEquals("", h.level()),
                () -> assertEquals(107.70330 - 80, h.nextLevelMargin(), 1e-5));
    }

    @Test
    void oldWorkingsWithAnInferredBoundary() {
        // Old workings 30 m south of the face (y −60..−30, same level): 30 m. Reliable boundary: 20 < 30 <= 80,
        // the warning line, 10 m from the exploration line. Inferred boundary: lines at 40 and 100 m, so the
        // exploration line is reached.
        Geometry g = square(20, -60, 80, -30, -300);
        Feature reliable = Feature.of("OW1", "old 1", "old_workings", g, Map.of());
        Feature inferred = Feature.of("OW2", "old 2", "old_workings", g, Map.of("boundary", "inferred"));
        ProximityResult r = Proximity.evaluate(List.of(FACE), List.of(reliable, inferred), RULES);
        assertAll(
                () -> assertEquals(30, r.hit("F1201", "OW1").distance3d(), 1e-12),
                () -> assertEquals("warning_line", r.hit("F1201", "OW1").level()),
                () -> assertEquals(10, r.hit("F1201", "OW1").nextLevelMargin(), 1e-12),
                () -> assertEquals("exploration_line", r.hit("F1201", "OW2").level()),
                () -> assertEquals(40, r.hit("F1201", "OW2").levelDistance()),
                () -> assertTrue(r.hit("F1201", "OW2").inferred()));
    }

    @Test
    void boreholeTraceAndSkewDistance() {
        // Vertical hole at (50, −25) from −200 to −400: 3D distance 25 m at (50, 0, −300) / (50, −25, −300).
        // A line parallel to the face 3 m aside in plan and 4 m above: plan 3 m, 3D 5 m (3-4-5).
        Feature hole = Feature.of("ZK3", "ZK3", "water_borehole", line(50, -25, -200, 50, -25, -400), Map.of());
        Feature fault = Feature.of("FB", "F-B", "fault", line(0, 3, -296, 100, 3, -296), Map.of());
        ProximityResult r = Proximity.evaluate(List.of(FACE), List.of(hole, fault), RULES);
        assertAll(
                () -> assertEquals(25, r.hit("F1201", "ZK3").distance3d(), 1e-12),
                () -> assertEquals(-300, r.hit("F1201", "ZK3").featureNearest()[2], 1e-12),
                () -> assertEquals("warning_line", r.hit("F1201", "ZK3").level()),
                () -> assertEquals(5, r.hit("F1201", "FB").distance3d(), 1e-12),
                () -> assertEquals(3, r.hit("F1201", "FB").distancePlan(), 1e-12));
    }

    @Test
    void planMeasureMissingZAndOverlap() {
        // The same 3-4-5 fault with a plan rule set at 4 m: plan 3 <= 4 reached; with the space measure 5 > 4 not.
        Feature fault = Feature.of("FB", "F-B", "fault", line(0, 3, -296, 100, 3, -296), Map.of());
        ProximityRule tight = new ProximityRule("fault", List.of(new ProximityLevel("pillar", 4, "test", "caller")),
                0, "none");
        ProximityHit plan = Proximity.evaluate(List.of(FACE), List.of(fault),
                new ProximityRules("tight", DistanceMeasure.PLAN, List.of(tight))).hit("F1201", "FB");
        ProximityHit space = Proximity.evaluate(List.of(FACE), List.of(fault),
                new ProximityRules("tight", DistanceMeasure.SPACE, List.of(tight))).hit("F1201", "FB");
        // A goaf outline without z that the face crosses in plan: distance 0, innermost line, warnings.
        Feature goaf = Feature.of("G9", "goaf 9", "goaf", GF.createPolygon(new Coordinate[] {new Coordinate(90, -5),
            new Coordinate(120, -5), new Coordinate(120, 5), new Coordinate(90, 5), new Coordinate(90, -5)}),
                Map.of());
        Feature other = Feature.of("R1", "roadway", "roadway", line(0, 1, -300, 1, 1, -300), Map.of());
        ProximityResult r = Proximity.evaluate(List.of(FACE), List.of(goaf, other), RULES);
        assertAll(
                () -> assertEquals("pillar", plan.level()),
                () -> assertEquals("", space.level()),
                () -> assertEquals(0, r.hit("F1201", "G9").distancePlan()),
                () -> assertTrue(Double.isNaN(r.hit("F1201", "G9").distance3d())),
                () -> assertEquals("exploration_line", r.hit("F1201", "G9").level()),
                () -> assertNull(r.hit("F1201", "R1"), "roadway has no rule"),
                () -> assertTrue(r.explanation().warnings().get(0).contains("crosses or lies over polygon G9")),
                () -> assertTrue(r.explanation().methods().get(2).startsWith("1 features skipped")),
                () -> assertTrue(r.toJson().contains("\"feature\":\"G9\"")));
    }

    @Test
    void explanationListsTheRuleDistancesWithLowConfidence() {
        ProximityResult r = Proximity.evaluate(List.of(FACE), List.of(), RULES);
        assertAll(
                () -> assertEquals(40, r.explanation().parameter("fault.exploration_line").value()),
                () -> assertEquals(100, r.explanation().parameter("fault.warning_line").value()),
                () -> assertEquals("low", r.explanation().parameter("goaf.warning_line").confidence()),
                () -> assertTrue(r.explanation().parameter("goaf.exploration_line").source().contains("unverified")),
                () -> assertThrows(InvalidContentException.class, () -> Proximity.evaluate(List.of(Feature.of("P",
                        "p", "face", GF.createPoint(new Coordinate(0, 0, 0)), Map.of())), List.of(), RULES)));
    }

    @Test
    void flatCaseEqualsJtsPlanDistance() {
        // With every z equal, the 3D segment distance must equal JTS's plan DistanceOp (independent reference) on
        // random polylines; with the feature lifted by dz it must equal √(plan² + dz²).
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[3 * (2 + rnd.nextInt(4))];
            double[] b = new double[3 * (1 + rnd.nextInt(4))];
            for (int k = 0; k < a.length; k += 3) {
                a[k] = rnd.nextDouble() * 100;
                a[k + 1] = rnd.nextDouble() * 100;
                a[k + 2] = -300;
            }
            for (int k = 0; k < b.length; k += 3) {
                b[k] = 50 + rnd.nextDouble() * 100;
                b[k + 1] = rnd.nextDouble() * 100;
                b[k + 2] = -300;
            }
            Geometry fa = line(a);
            Geometry fb = b.length == 3 ? GF.createPoint(new Coordinate(b[0], b[1], b[2])) : line(b);
            double[] lifted = b.clone();
            for (int k = 2; k < lifted.length; k += 3) {
                lifted[k] += 7;
            }
            Geometry fl = b.length == 3 ? GF.createPoint(new Coordinate(b[0], b[1], b[2] + 7)) : line(lifted);
            ProximityResult r = Proximity.evaluate(List.of(Feature.of("A", "a", "face", fa, Map.of())),
                    List.of(Feature.of("B", "b", "fault", fb, Map.of()), Feature.of("L", "l", "fault", fl, Map.of())),
                    RULES);
            double plan = fa.distance(fb);
            int t = trial;
            assertAll("trial " + t,
                    () -> assertEquals(plan, r.hit("A", "B").distance3d(), 1e-9),
                    () -> assertEquals(plan, r.hit("A", "B").distancePlan(), 1e-9),
                    () -> assertEquals(Math.sqrt(plan * plan + 49), r.hit("A", "L").distance3d(), 1e-9));
        }
    }
}
