package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Reference B1 (shared reference-results): PyKrige's {@code test_ok} / {@code test_uk} data, answers produced by
 * KT3D_H2O (Karanovic, Tonkin &amp; Wilson 2009), files pykrige_test1_answer.asc (ordinary kriging) and
 * pykrige_test2_answer.asc (universal kriging with linear x and y drift). Model γ(h) = 500 (1 − exp(−3h/3000)), all
 * 15 samples in every system; grid x = 1067275 + 50 i, y = 241459 + 25 j. Tolerance: PyKrige's, rtol 1e-7.
 */
class PyKrigeOrdinaryKriging2dTest {
    private static final double RTOL = 1e-7;
    private static final VariogramModel MODEL = VariogramModel.of(0, StructureType.EXPONENTIAL, 500, 3000);

    private static void assertRel(double expected, double actual, String where) {
        assertEquals(expected, actual, Math.abs(expected) * RTOL, where);
    }

    private static void wholeGrid(Kriging k, String answer) {
        Samples s = GeostatsData.pykrige2d();
        double[] expected = GeostatsData.asciiGrid(answer);
        assertEquals(10000, expected.length);
        for (int r = 0; r < 100; r++) {
            double y = 243934 - 25.0 * r; // first row is the northernmost
            for (int i = 0; i < 100; i++) {
                double x = 1067275 + 50.0 * i;
                PointEstimate e = Estimation.global(k, s, x, y, 0);
                assertRel(expected[r * 100 + i], e.value(), "x=" + x + " y=" + y);
            }
        }
    }

    @Test
    void ordinaryKrigingMatchesTheWholeKt3dGrid() {
        wholeGrid(Kriging.ordinary(MODEL), "pykrige_test1_answer.asc");
    }

    @Test
    void universalKrigingWithLinearDriftMatchesTheWholeKt3dGrid() {
        wholeGrid(Kriging.universal(MODEL, true, true, false), "pykrige_test2_answer.asc");
    }

    @ParameterizedTest(name = "({0}, {1}) OK {2}, UK {3}")
    @CsvSource({
        "1067275, 243934, 32.979033, -8.4851959",
        "1067275, 241459, 40.985286, 2.0048865",
        "1072225, 243934, 63.740866, 101.14088",
        "1072225, 241459, 86.89391, 113.98505",
        "1069775, 242684, 50.286416, 50.526335",
        "1070775, 243434, 70.195407, 69.783296",
    })
    void tabulatedPointsOfReferenceB1(double x, double y, double ok, double uk) {
        Samples s = GeostatsData.pykrige2d();
        assertRel(ok, Estimation.global(Kriging.ordinary(MODEL), s, x, y, 0).value(), "OK");
        assertRel(uk, Estimation.global(Kriging.universal(MODEL, true, true, false), s, x, y, 0).value(), "UK");
    }
}
