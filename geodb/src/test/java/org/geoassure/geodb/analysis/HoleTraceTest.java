package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Positions along a trace: on the arc between stations, bulk queries, accessors and argument checks. */
class HoleTraceTest {
    private static final DesurveyMethod MC = DesurveyMethod.MINIMUM_CURVATURE;

    /**
     * Quarter circle of radius 100 in the north/up plane: vertical down at depth 0 to horizontal north
     * at depth π/2·100. Analytically the point at arc angle θ is (0, 100(1 − cos θ), −100 sin θ); the
     * end point is 100 north and 100 down, the midpoint (45°) 100(1 − cos 45°) north, 100 sin 45° down.
     */
    @ParameterizedTest(name = "f = {0}")
    @ValueSource(doubles = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0})
    void pointsBetweenStationsLieOnTheQuarterCircle(double f) {
        double r = 100;
        double len = Math.PI / 2 * r;
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, len}, new double[] {0, 0},
                new double[] {-90, 0}, MC);
        double theta = f * Math.PI / 2;
        double[] p = new double[3];
        t.positionAt(f * len, p, 0);
        assertEquals(0.0, p[0], 1e-12);
        assertEquals(r * (1 - Math.cos(theta)), p[1], 1e-9);
        assertEquals(-r * Math.sin(theta), p[2], 1e-9);
        // distance from the circle's centre (0, 100, 0) is the radius
        assertEquals(r, Math.hypot(p[1] - r, p[2]), 1e-9);
    }

    @Test
    void quarterCircleEndAndMidpoint() {
        double len = Math.PI / 2 * 100;
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, len}, new double[] {0, 0},
                new double[] {-90, 0}, MC);
        assertEquals(100.0, t.stationY(1), 1e-9);
        assertEquals(-100.0, t.stationZ(1), 1e-9);
        assertEquals(90.0 * 30 / len, t.doglegSeverity30(1), 1e-12);
        double[] p = new double[3];
        t.positionAt(len / 2, p, 0);
        assertEquals(100 * (1 - Math.sqrt(0.5)), p[1], 1e-9); // 29.2893
        assertEquals(-100 * Math.sqrt(0.5), p[2], 1e-9);      // -70.7107
        // the chord midpoint would be (50, -50): the arc bulges 0.707·(100 - 70.71) = 20.7 m from it
        assertTrue(Math.hypot(p[1] - 50, p[2] + 50) > 20);
    }

    /**
     * A general 3D course (station 1 at depth 100: az 30, dip −70; station 2 at depth 180: az 75,
     * dip −40). The arc has radius R = ΔMD/β in the plane of t₁ and t₂; with n = (t₂ − cos β t₁)/sin β
     * the point at arc length ℓ is P₁ + R(sin(ℓ/R) t₁ + (1 − cos(ℓ/R)) n).
     */
    @ParameterizedTest(name = "f = {0}")
    @ValueSource(doubles = {0.05, 0.3, 0.5, 0.77, 0.999, 1.0})
    void pointsBetweenStationsLieOnTheArcIn3d(double f) {
        double[] t1 = new double[3];
        double[] t2 = new double[3];
        Desurvey.direction(30, -70, t1);
        Desurvey.direction(75, -40, t2);
        double cos = t1[0] * t2[0] + t1[1] * t2[1] + t1[2] * t2[2];
        double beta = Math.acos(cos); // fine here: β is far from 0 and π
        double r = 80 / beta;
        HoleTrace t = Desurvey.compute(1000, 2000, 300, new double[] {100, 180}, new double[] {30, 75},
                new double[] {-70, -40}, MC);
        double[] p1 = {t.stationX(0), t.stationY(0), t.stationZ(0)};
        double[] p = new double[3];
        t.positionAt(100 + f * 80, p, 0);
        double a = f * beta;
        for (int j = 0; j < 3; j++) {
            double n = (t2[j] - cos * t1[j]) / Math.sin(beta);
            double expected = p1[j] + r * (Math.sin(a) * t1[j] + (1 - Math.cos(a)) * n);
            assertEquals(expected, p[j], 1e-9, "component " + j);
        }
        assertEquals(Math.toDegrees(beta) * 30 / 80, t.doglegSeverity30(1), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(DesurveyMethod.class)
    void positionAtNodesIsExactAndContinuous(DesurveyMethod method) {
        HoleTrace t = sampleTrace(method);
        double[] p = new double[3];
        for (int i = 0; i < t.nodeCount(); i++) {
            t.positionAt(t.nodeDepth(i), p, 0);
            assertEquals(t.nodeX(i), p[0], 0.0);
            assertEquals(t.nodeY(i), p[1], 0.0);
            assertEquals(t.nodeZ(i), p[2], 0.0);
            if (i > 0) {
                t.positionAt(t.nodeDepth(i) - 1e-7, p, 0);
                assertEquals(t.nodeX(i), p[0], 1e-6);
                assertEquals(t.nodeY(i), p[1], 1e-6);
                assertEquals(t.nodeZ(i), p[2], 1e-6);
            }
        }
    }

    @Test
    void pathLengthBetweenStationsEqualsDepthDifference() {
        // minimum curvature keeps arc length: summing small chords reproduces the course length
        HoleTrace t = sampleTrace(MC);
        double[] a = new double[3];
        double[] b = new double[3];
        int steps = 20000;
        double end = t.nodeDepth(t.nodeCount() - 1) + 20;
        double sum = 0;
        t.positionAt(0, a, 0);
        for (int k = 1; k <= steps; k++) {
            t.positionAt(end * k / steps, b, 0);
            sum += Math.sqrt((b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1])
                    + (b[2] - a[2]) * (b[2] - a[2]));
            System.arraycopy(b, 0, a, 0, 3);
        }
        assertEquals(end, sum, 1e-6);
    }

    @ParameterizedTest
    @EnumSource(DesurveyMethod.class)
    void bulkPositionsEqualSinglePositions(DesurveyMethod method) {
        HoleTrace t = sampleTrace(method);
        double[] depths = {-5, -5, 250, 0, 12.5, 30, 29.999, 30.001, 75, 140, 140, 139, 0.5, 400, 60.25, 3};
        int dOff = 2;
        int n = depths.length - dOff;
        double[] xyz = new double[1 + 3 * n];
        t.positionsAt(depths, dOff, xyz, 1, n);
        double[] p = new double[3];
        for (int k = 0; k < n; k++) {
            t.positionAt(depths[dOff + k], p, 0);
            for (int j = 0; j < 3; j++) {
                assertEquals(p[j], xyz[1 + 3 * k + j], 0.0, "depth " + depths[dOff + k]);
            }
        }
        assertEquals(0.0, xyz[0], 0.0);
        double[] out = new double[5];
        t.positionAt(75, out, 2);
        assertEquals(out[2], xyz[1 + 3 * 6], 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-12, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void badDepthIsRejected(double depth) {
        HoleTrace t = sampleTrace(MC);
        assertThrows(IllegalArgumentException.class, () -> t.positionAt(depth, new double[3], 0));
        assertThrows(IllegalArgumentException.class,
                () -> t.positionsAt(new double[] {10, depth}, 0, new double[6], 0, 2));
    }

    @Test
    void rangesAreChecked() {
        HoleTrace t = sampleTrace(MC);
        assertThrows(IndexOutOfBoundsException.class, () -> t.positionAt(10, new double[3], 1));
        assertThrows(IndexOutOfBoundsException.class,
                () -> t.positionsAt(new double[] {1, 2}, 0, new double[5], 0, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> t.positionsAt(new double[] {1, 2}, 1, new double[6], 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> t.stationX(t.stationCount()));
        assertThrows(IndexOutOfBoundsException.class, () -> t.nodeZ(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.doglegSeverity30(t.stationCount()));
    }

    @Test
    void accessorsDescribeTheTrace() {
        HoleTrace t = sampleTrace(DesurveyMethod.BALANCED_TANGENT);
        assertEquals(DesurveyMethod.BALANCED_TANGENT, t.method());
        assertEquals(4, t.stationCount());
        assertEquals(5, t.nodeCount()); // tie-in node at the collar
        assertEquals(0.0, t.nodeDepth(0), 0.0);
        assertEquals(30.0, t.nodeDepth(1), 0.0);
        assertEquals(140.0, t.nodeDepth(4), 0.0);
        assertEquals(t.nodeX(2), t.stationX(1), 0.0);
        assertTrue(t.toString().contains("balanced-tangent"), t.toString());
    }

    @Test
    void firstStationAtZeroGivesNoTieIn() {
        HoleTrace t = Desurvey.compute(7, 8, 9, new double[] {0, 50}, new double[] {10, 20},
                new double[] {-80, -70}, MC);
        assertEquals(2, t.nodeCount());
        assertEquals(7.0, t.stationX(0), 0.0);
        assertEquals(8.0, t.stationY(0), 0.0);
        assertEquals(9.0, t.stationZ(0), 0.0);
    }

    /** Four stations from depth 30 (tie-in added), with a straight course in the middle. */
    private static HoleTrace sampleTrace(DesurveyMethod method) {
        return Desurvey.compute(500, 600, 700, new double[] {30, 60.25, 100, 140},
                new double[] {10, 35, 35, 80}, new double[] {-85, -60, -60, -30}, method);
    }
}
