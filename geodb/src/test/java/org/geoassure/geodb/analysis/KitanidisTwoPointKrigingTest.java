package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reference B3: Kitanidis (1997), <i>Introduction to Geostatistics</i>, Example 3.2, as checked by PyKrige's
 * {@code test_core_krige}: two samples, linear variogram slope 0.006 with nugget 0.1. Tolerance rel 1e-4 (PyKrige's).
 */
class KitanidisTwoPointKrigingTest {
    private static final Samples DATA = Samples.of2d(new double[] {9.7, 43.8}, new double[] {47.6, 24.6},
            new double[] {1.22, 2.822});
    private static final Kriging OK = Kriging.ordinary(VariogramModel.of(0.1, StructureType.LINEAR, 0.006, 1.0));

    @Test
    void estimateAndVarianceAtTheTarget() {
        PointEstimate p = Estimation.global(OK, DATA, 18.8, 67.9, 0);
        assertEquals(1.6364, p.value(), 1.6364 * 1e-4);
        assertEquals(0.4201, p.variance(), 0.4201 * 1e-4);
    }

    @Test
    void atADataPointTheEstimateIsTheDatumWithZeroVariance() {
        PointEstimate p = Estimation.global(OK, DATA, 43.8, 24.6, 0);
        assertEquals(2.822, p.value(), 1e-12);
        assertEquals(0.0, p.variance(), 1e-12);
    }
}
