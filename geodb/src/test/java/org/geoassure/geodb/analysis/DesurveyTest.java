package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Desurvey computation: conventions, exactness, validation. Expected values are hand-derived. */
class DesurveyTest {
    private static final DesurveyMethod MC = DesurveyMethod.MINIMUM_CURVATURE;
    private static final double S = Math.sqrt(0.5); // sin 45° = cos 45°

    // --- direction -----------------------------------------------------------------------------

    @ParameterizedTest(name = "az {0} dip {1}")
    @CsvSource({
        "0, -90, 0, 0, -1",      // vertical down
        "123.4, -90, 0, 0, -1",  // azimuth irrelevant when vertical
        "0, 90, 0, 0, 1",        // vertical up
        "0, 0, 0, 1, 0",         // north, horizontal
        "90, 0, 1, 0, 0",        // east
        "180, 0, 0, -1, 0",      // south
        "270, 0, -1, 0, 0",      // west
        "-90, 0, -1, 0, 0",      // azimuth taken modulo 360
        "450, 0, 1, 0, 0",
    })
    void axisDirectionsAreExact(double az, double dip, double x, double y, double z) {
        double[] t = new double[3];
        Desurvey.direction(az, dip, t);
        assertEquals(x, t[0], 0.0);
        assertEquals(y, t[1], 0.0);
        assertEquals(z, t[2], 0.0);
    }

    @ParameterizedTest(name = "az {0} dip {1}")
    @CsvSource({"30, -60", "359.9, -0.1", "200, -45", "45, -75", "1e6, -12.5", "-1e6, 33"})
    void directionIsTheInclinationFormula(double az, double dip) {
        // project convention: I = 90 + dip, t = (sin I sin A, sin I cos A, -cos I)
        double inc = Math.toRadians(90 + dip);
        double a = Math.toRadians(az % 360);
        double[] t = new double[3];
        Desurvey.direction(az, dip, t);
        assertEquals(Math.sin(inc) * Math.sin(a), t[0], 1e-12);
        assertEquals(Math.sin(inc) * Math.cos(a), t[1], 1e-12);
        assertEquals(-Math.cos(inc), t[2], 1e-12);
        assertEquals(1.0, Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]), 1e-15);
    }

    // --- ratio factor ---------------------------------------------------------------------------

    @Test
    void ratioFactorIsExactlyOneAtZero() {
        assertEquals(1.0, Desurvey.ratioFactor(0.0), 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-12, 1e-8, 5e-5, 9.999e-5, 1e-4, 1.0001e-4, 1e-3, 0.1, 1.0, 3.0})
    void ratioFactorMatchesClosedFormAndIsContinuousAtSeriesLimit(double beta) {
        double exact = Math.tan(beta / 2) / (beta / 2);
        assertEquals(exact, Desurvey.ratioFactor(beta), 4e-16 * exact);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-9, Math.PI, 4.0, Double.NaN})
    void ratioFactorRejectsOutOfDomain(double beta) {
        assertThrows(IllegalArgumentException.class, () -> Desurvey.ratioFactor(beta));
    }

    // --- exactness ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DesurveyMethod.class)
    void verticalHoleDropEqualsDepthExactly(DesurveyMethod method) {
        double x0 = 1000.25;
        double y0 = 2000.5;
        double z0 = 350.75;
        HoleTrace t = Desurvey.compute(x0, y0, z0, new double[] {0, 1234.5}, new double[] {0, 0},
                new double[] {-90, -90}, method);
        assertEquals(1234.5, z0 - t.stationZ(1), 0.0);
        assertEquals(x0, t.stationX(1), 0.0);
        assertEquals(y0, t.stationY(1), 0.0);
        double[] p = new double[3];
        for (double d : new double[] {0.1, 617.3, 1234.4999, 1234.5, 5000.125}) {
            t.positionAt(d, p, 0);
            assertEquals(z0 - d, p[2], 0.0, "z at " + d);
            assertEquals(x0, p[0], 0.0);
            assertEquals(y0, p[1], 0.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"identical stations, 123.4, 123.4, 123.4", "azimuth noise, 0, 45, 270.5"})
    void repeatedVerticalStationsDropEqualsDepthExactly(String name, double a0, double a1, double a2) {
        double[] depth = {0, 10.1, 33.3, 100.7, 555.55, 1234.5};
        double[] az = {a0, a1, a2, a0, a1, a2};
        double[] dip = {-90, -90, -90, -90, -90, -90};
        HoleTrace t = Desurvey.compute(0, 0, 0, depth, az, dip, MC);
        double[] p = new double[3];
        for (int i = 0; i < depth.length; i++) {
            assertEquals(depth[i], -t.stationZ(i), 0.0, "station " + i);
            assertEquals(0.0, t.stationX(i), 0.0);
            assertEquals(0.0, t.stationY(i), 0.0);
            assertEquals(0.0, t.doglegSeverity30(i), 0.0);
            double mid = i == 0 ? 5.05 : 0.5 * (depth[i - 1] + depth[i]);
            t.positionAt(mid, p, 0);
            assertEquals(mid, -p[2], 0.0, "between stations at " + mid);
        }
    }

    @Test
    void verticalHoleWithDeepFirstStationIsExact() {
        HoleTrace t = Desurvey.compute(10, 20, 0, new double[] {50.3, 1234.5}, new double[] {0, 0},
                new double[] {-90, -90}, MC);
        assertEquals(3, t.nodeCount());
        assertEquals(50.3, -t.stationZ(0), 0.0);
        assertEquals(1234.5, -t.stationZ(1), 0.0);
    }

    @Test
    void straightInclinedRunIsMeasuredFromItsStart() {
        double[] depth = {0, 17.3, 40.1, 99.9, 250.25};
        double[] tt = new double[3];
        Desurvey.direction(30, -60, tt);
        HoleTrace t = Desurvey.compute(5, 6, 7, depth, new double[] {30, 30, 30, 30, 30},
                new double[] {-60, -60, -60, -60, -60}, MC);
        for (int i = 0; i < depth.length; i++) {
            assertEquals(5 + depth[i] * tt[0], t.stationX(i), 0.0);
            assertEquals(6 + depth[i] * tt[1], t.stationY(i), 0.0);
            assertEquals(7 + depth[i] * tt[2], t.stationZ(i), 0.0);
        }
    }

    // --- small doglegs and azimuth wrap ---------------------------------------------------------

    @Test
    void tinyDoglegIsStableAndFinite() {
        double[] t0 = new double[3];
        Desurvey.direction(30, -60, t0);
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 100}, new double[] {30, 30},
                new double[] {-60, -60 + 1e-9}, MC);
        // dogleg 1e-9° over 100 units = 3e-10 °/30
        assertEquals(3e-10, t.doglegSeverity30(1), 3e-13);
        double[] p = new double[3];
        for (double d : new double[] {0, 1e-7, 50, 99.9999999, 100, 150}) {
            t.positionAt(d, p, 0);
            for (int j = 0; j < 3; j++) {
                assertTrue(Double.isFinite(p[j]));
                // near the straight line along t0: the two directions differ by 1.7e-11 rad, so the
                // path departs from that line by at most 150 · 1.7e-11 = 2.6e-9 m here
                assertEquals(d * t0[j], p[j], 5e-9, "component " + j + " at " + d);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"359, 1", "-1, 1", "719, 361", "-361, -359"})
    void azimuthWrapIsASmallTurn(double a1, double a2) {
        // horizontal hole turning 2° clockwise through north over 100 m: a 2° arc of radius
        // R = 100/β, chord 2R sin(β/2) = 99.99492 pointing due north (symmetric), z unchanged
        double beta = Math.toRadians(2);
        double chord = 2 * (100 / beta) * Math.sin(beta / 2);
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 100}, new double[] {a1, a2},
                new double[] {0, 0}, MC);
        assertAll(
                () -> assertEquals(99.99492, chord, 1e-5),
                () -> assertEquals(chord, t.stationY(1), 1e-9, "north ≈ course length"),
                () -> assertEquals(0.0, t.stationX(1), 1e-9, "east"),
                () -> assertEquals(0.0, t.stationZ(1), 0.0, "z"),
                () -> assertEquals(0.6, t.doglegSeverity30(1), 1e-9, "2° over 100 = 0.6°/30"));
    }

    @Test
    void azimuthWrapEqualsUnwrapped() {
        HoleTrace a = Desurvey.compute(0, 0, 0, new double[] {0, 60, 130}, new double[] {359, 1, 3},
                new double[] {-20, -21, -22}, MC);
        HoleTrace b = Desurvey.compute(0, 0, 0, new double[] {0, 60, 130}, new double[] {-1, 361, -357},
                new double[] {-20, -21, -22}, MC);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.stationX(i), b.stationX(i), 0.0);
            assertEquals(a.stationY(i), b.stationY(i), 0.0);
            assertEquals(a.stationZ(i), b.stationZ(i), 0.0);
        }
    }

    // --- tie-in, single station, extrapolation ----------------------------------------------------

    @Test
    void aboveFirstStationRunsStraightFromCollarAlongFirstDirection() {
        double[] t0 = new double[3];
        Desurvey.direction(135, -45, t0);
        HoleTrace t = Desurvey.compute(100, 200, 300, new double[] {40, 90}, new double[] {135, 140},
                new double[] {-45, -50}, MC);
        assertEquals(3, t.nodeCount());
        assertEquals(2, t.stationCount());
        assertEquals(0.0, t.nodeDepth(0), 0.0);
        assertEquals(100.0, t.nodeX(0), 0.0);
        assertEquals(200.0, t.nodeY(0), 0.0);
        assertEquals(300.0, t.nodeZ(0), 0.0);
        assertEquals(40.0, t.nodeDepth(1), 0.0);
        assertEquals(100 + 40 * t0[0], t.stationX(0), 1e-12);
        assertEquals(200 + 40 * t0[1], t.stationY(0), 1e-12);
        assertEquals(300 + 40 * t0[2], t.stationZ(0), 1e-12);
        assertEquals(t.nodeX(1), t.stationX(0), 0.0);
        assertEquals(0.0, t.doglegSeverity30(0), 0.0);
        double[] p = new double[3];
        t.positionAt(10, p, 0);
        assertEquals(100 + 10 * t0[0], p[0], 1e-12);
        assertEquals(200 + 10 * t0[1], p[1], 1e-12);
        assertEquals(300 + 10 * t0[2], p[2], 1e-12);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 25})
    void singleStationHoleIsStraight(double stationDepth) {
        double[] t0 = new double[3];
        Desurvey.direction(200, -30, t0);
        HoleTrace t = Desurvey.compute(1, 2, 3, new double[] {stationDepth}, new double[] {200},
                new double[] {-30}, MC);
        assertEquals(stationDepth == 0 ? 1 : 2, t.nodeCount());
        assertEquals(1, t.stationCount());
        assertEquals(0.0, t.doglegSeverity30(0), 0.0);
        assertEquals(3 + stationDepth * t0[2], t.stationZ(0), 1e-12);
        double[] p = new double[3];
        for (double d : new double[] {0, 10, 25, 75, 1000}) {
            t.positionAt(d, p, 0);
            assertEquals(1 + d * t0[0], p[0], 1e-12);
            assertEquals(2 + d * t0[1], p[1], 1e-12);
            assertEquals(3 + d * t0[2], p[2], 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(DesurveyMethod.class)
    void belowLastStationRunsStraightAlongLastDirection(DesurveyMethod method) {
        double[] tl = new double[3];
        Desurvey.direction(90, -60, tl);
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 100}, new double[] {0, 90},
                new double[] {-90, -60}, method);
        double[] p = new double[3];
        t.positionAt(250, p, 0);
        assertEquals(t.stationX(1) + 150 * tl[0], p[0], 1e-9);
        assertEquals(t.stationY(1) + 150 * tl[1], p[1], 1e-9);
        assertEquals(t.stationZ(1) + 150 * tl[2], p[2], 1e-9);
    }

    // --- tangent methods, hand computed ------------------------------------------------------------

    /**
     * Stations: 0 vertical down, 100 dip −45 az 90 (t₁ = (s, 0, −s)), 200 dip −45 az 0 (t₂ = (0, s, −s)),
     * s = √2/2 = 0.70710678. By hand: TANGENT P₁ = 100·t₁, P₂ = P₁ + 100·t₂; BALANCED P₁ = 50(t₀ + t₁),
     * P₂ = P₁ + 50(t₁ + t₂); between nodes: linear. Doglegs 45° and 60° (cos = t₁·t₂ = 0.5).
     */
    static Stream<Arguments> tangentCases() {
        return Stream.of(
                Arguments.of(DesurveyMethod.TANGENT,
                        new double[] {70.710678, 0, -70.710678}, new double[] {70.710678, 70.710678, -141.421356},
                        new double[] {35.355339, 0, -35.355339}, new double[] {70.710678, 35.355339, -106.066017}),
                Arguments.of(DesurveyMethod.BALANCED_TANGENT,
                        new double[] {35.355339, 0, -85.355339}, new double[] {70.710678, 35.355339, -156.066017},
                        new double[] {17.677670, 0, -42.677670}, new double[] {53.033009, 17.677670, -120.710678}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tangentCases")
    void tangentMethodsMatchHandComputation(DesurveyMethod method, double[] p1, double[] p2,
                                            double[] at50, double[] at150) {
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 100, 200}, new double[] {0, 90, 0},
                new double[] {-90, -45, -45}, method);
        assertEquals(method, t.method());
        assertPoint(p1, t.stationX(1), t.stationY(1), t.stationZ(1));
        assertPoint(p2, t.stationX(2), t.stationY(2), t.stationZ(2));
        double[] p = new double[3];
        t.positionAt(50, p, 0);
        assertPoint(at50, p[0], p[1], p[2]);
        t.positionAt(150, p, 0);
        assertPoint(at150, p[0], p[1], p[2]);
        assertEquals(13.5, t.doglegSeverity30(1), 1e-12);
        assertEquals(18.0, t.doglegSeverity30(2), 1e-12);
    }

    @Test
    void minimumCurvatureOnTheSameCase() {
        // P₁ = 50·RF(45°)·(t₀ + t₁), RF(π/4) = tan(π/8)/(π/8)
        double rf = Math.tan(Math.PI / 8) / (Math.PI / 8);
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 100, 200}, new double[] {0, 90, 0},
                new double[] {-90, -45, -45}, MC);
        assertEquals(1.0547862, rf, 1e-7);
        assertPoint(new double[] {50 * rf * S, 0, -50 * rf * (1 + S)}, t.stationX(1), t.stationY(1), t.stationZ(1));
    }

    // --- validation ---------------------------------------------------------------------------------

    static Stream<Arguments> badSurveys() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of("unsorted depths", new double[] {0, 50, 40}, new double[] {0, 0, 0},
                        new double[] {-60, -60, -60}, 2, "station 2 (depth 40.0): depth not greater than station 1"),
                Arguments.of("repeated depth", new double[] {0, 50, 50}, new double[] {0, 0, 0},
                        new double[] {-60, -60, -60}, 2, "strictly increasing"),
                Arguments.of("negative depth", new double[] {-1, 50}, new double[] {0, 0},
                        new double[] {-60, -60}, 0, "station 0 (depth -1.0): negative depth"),
                Arguments.of("NaN depth", new double[] {0, nan}, new double[] {0, 0},
                        new double[] {-60, -60}, 1, "depth must be finite"),
                Arguments.of("infinite depth", new double[] {0, inf}, new double[] {0, 0},
                        new double[] {-60, -60}, 1, "depth must be finite"),
                Arguments.of("NaN azimuth", new double[] {0, 10}, new double[] {0, nan},
                        new double[] {-60, -60}, 1, "azimuth must be finite"),
                Arguments.of("infinite azimuth", new double[] {0, 10}, new double[] {-inf, 0},
                        new double[] {-60, -60}, 0, "azimuth must be finite"),
                Arguments.of("dip below -90", new double[] {0, 10}, new double[] {0, 0},
                        new double[] {-90.5, -60}, 0, "dip -90.5 outside [-90, 90]"),
                Arguments.of("dip above 90", new double[] {0, 10}, new double[] {0, 0},
                        new double[] {-60, 91}, 1, "outside [-90, 90]"),
                Arguments.of("NaN dip", new double[] {0, 10, 20}, new double[] {0, 0, 0},
                        new double[] {-60, -60, nan}, 2, "outside [-90, 90]"),
                Arguments.of("anti-parallel", new double[] {0, 40, 80, 120, 160}, new double[] {0, 10, 40, 220, 220},
                        new double[] {-90, -40, -20, 20, 20}, 3, "station 3 (depth 120.0): anti-parallel to station 2"),
                Arguments.of("down then up", new double[] {0, 50}, new double[] {0, 0},
                        new double[] {-90, 90}, 1, "station 1 (depth 50.0): anti-parallel to station 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSurveys")
    void badSurveysAreRejectedNamingTheStation(String name, double[] depth, double[] az, double[] dip,
                                               int station, String message) {
        for (DesurveyMethod m : DesurveyMethod.values()) {
            DesurveyException e = assertThrows(DesurveyException.class,
                    () -> Desurvey.compute(0, 0, 0, depth, az, dip, m));
            assertInstanceOf(InvalidContentException.class, e);
            assertEquals(station, e.stationIndex());
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertTrue(e.getMessage().startsWith("station " + station + " (depth "), e.getMessage());
        }
    }

    @Test
    void nearlyAntiParallelIsAccepted() {
        // 179.999° dogleg: far from the 1e-9 rad rejection band; the path is a tight but defined arc
        HoleTrace t = Desurvey.compute(0, 0, 0, new double[] {0, 50}, new double[] {0, 0},
                new double[] {-90, 89.999}, MC);
        assertTrue(Double.isFinite(t.stationX(1)) && Double.isFinite(t.stationY(1)) && Double.isFinite(t.stationZ(1)));
        // a half circle of circumference 2·50 has diameter 100/π: ends 31.83 m north, back near the top
        assertEquals(100 / Math.PI, t.stationY(1), 1e-3);
        assertEquals(0.0, t.stationZ(1), 1e-3);
    }

    @Test
    void noStationsIsRejected() {
        DesurveyException e = assertThrows(DesurveyException.class,
                () -> Desurvey.compute(0, 0, 0, new double[0], new double[0], new double[0], MC));
        assertEquals(-1, e.stationIndex());
    }

    @Test
    void nonFiniteCollarIsRejected() {
        DesurveyException e = assertThrows(DesurveyException.class, () -> Desurvey.compute(0, Double.NaN, 0,
                new double[] {0}, new double[] {0}, new double[] {-90}, MC));
        assertEquals(-1, e.stationIndex());
    }

    @Test
    void arraysOfDifferentLengthAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Desurvey.compute(0, 0, 0,
                new double[] {0, 1}, new double[] {0}, new double[] {-90, -90}, MC));
        assertThrows(NullPointerException.class, () -> Desurvey.compute(0, 0, 0,
                new double[] {0}, new double[] {0}, new double[] {-90}, null));
    }

    @Test
    void inputArraysAreNotRetained() {
        double[] depth = {0, 100};
        double[] az = {0, 90};
        double[] dip = {-90, -45};
        HoleTrace t = Desurvey.compute(0, 0, 0, depth, az, dip, MC);
        double x = t.stationX(1);
        depth[1] = 500;
        az[1] = 270;
        dip[1] = 0;
        assertEquals(x, t.stationX(1), 0.0);
        assertEquals(100.0, t.nodeDepth(1), 0.0);
    }

    private static void assertPoint(double[] expected, double x, double y, double z) {
        assertAll(
                () -> assertEquals(expected[0], x, 1e-6, "x"),
                () -> assertEquals(expected[1], y, 1e-6, "y"),
                () -> assertEquals(expected[2], z, 1e-6, "z"));
    }
}
