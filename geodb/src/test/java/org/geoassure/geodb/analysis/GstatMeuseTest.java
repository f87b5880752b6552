package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference B5: r-spatial/gstat's own test outputs on the Meuse data (meuse.csv, 155 samples), from
 * {@code tests/*.Rout.save}.
 */
class GstatMeuseTest {

    private static Samples logZinc() {
        Samples s = GeostatsData.meuse("zinc");
        double[] v = s.v();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.log(v[i]);
        }
        return new Samples(s.x(), s.y(), s.z(), v);
    }

    /**
     * {@code variogram(log(zinc)~1, meuse)} with gstat's defaults (cutoff = bounding-box diagonal / 3, 15 equal lags):
     * pair counts exactly, distance and γ to the 7 significant digits printed.
     */
    @Test
    void experimentalVariogramOfLogZincWithGstatDefaults() {
        long[] np = {57, 299, 419, 457, 547, 533, 574, 564, 589, 543, 500, 477, 452, 457, 415};
        double[] dist = {79.29244, 163.97367, 267.36483, 372.73542, 478.47670, 585.34058, 693.14526, 796.18365,
            903.14650, 1011.29177, 1117.86235, 1221.32810, 1329.16407, 1437.25620, 1543.20248};
        double[] gamma = {0.1234479, 0.2162185, 0.3027859, 0.4121448, 0.4634128, 0.5646933, 0.5689683, 0.6186769,
            0.6471479, 0.6915705, 0.7033984, 0.6038770, 0.6517158, 0.5665318, 0.5748227};
        Samples s = logZinc();
        assertEquals(155, s.size());
        ExperimentalVariogram ev = ExperimentalVariogram.compute(s, LagClasses.gstatDefault(s));
        for (int k = 0; k < 15; k++) {
            assertEquals(np[k], ev.pairs()[k], "np lag " + (k + 1));
            assertEquals(dist[k], ev.distance()[k], 1e-5, "dist lag " + (k + 1));
            assertEquals(gamma[k], ev.gamma()[k], 1e-7, "gamma lag " + (k + 1));
        }
    }

    /**
     * {@code variogram(log(zinc)~1, meuse, cutoff = 500, width = 100)} as printed by gstat 2.1-0 (Debian
     * r-cran-gstat, run on this machine; the same call as gstat's {@code tests/fit.R}). One pair lies exactly at
     * 200 m: gstat's classes are closed on the right, so it counts in the second class (263, not 262).
     */
    @Test
    void classesAreClosedOnTheRightAsInGstat() {
        ExperimentalVariogram ev = ExperimentalVariogram.compute(logZinc(), LagClasses.of(100, 5));
        long[] np = {52, 263, 381, 430, 475};
        double[] dist = {77.01898, 156.23373, 252.07842, 351.32465, 449.81046};
        double[] gamma = {0.1299659, 0.2091154, 0.2951620, 0.3834938, 0.4411669};
        for (int k = 0; k < 5; k++) {
            assertEquals(np[k], ev.pairs()[k], "np lag " + (k + 1));
            assertEquals(dist[k], ev.distance()[k], 1e-5, "dist lag " + (k + 1));
            assertEquals(gamma[k], ev.gamma()[k], 1e-7, "gamma lag " + (k + 1));
        }
    }

    /**
     * {@code blockkr.Rout.save}: ordinary block kriging of zinc (ppm), nugget 2.42e4 + spherical psill 1.34e5 range
     * 800, 40 m × 40 m blocks with gstat's default 4 × 4 Gauss–Legendre discretisation, the 40 nearest samples.
     * gstat prints 7 significant digits: tolerance rel 1e-6.
     */
    @ParameterizedTest(name = "block at ({0}, {1}): {2} / {3}")
    @CsvSource({
        "181170, 333250, 268.7576, 19447.67",
        "180310, 332189, 663.4915, 16991.33",
        "180205, 331707, 251.4606, 21579.71",
        "178673, 330066, 532.5776, 73807.91",
        "178770, 330675, 664.4039, 23589.17",
        "178270, 331075, 565.5436, 155113.23",
    })
    void blockKrigingOfZincWithGaussLegendreDiscretisation(double x, double y, double est, double var) {
        PointEstimate p = blockKrige(x, y, BlockDiscretisation.Rule.GAUSS_LEGENDRE);
        assertEquals(40, p.samples());
        assertEquals(est, p.value(), est * 1e-6);
        assertEquals(var, p.variance(), var * 1e-6);
    }

    /** Same reference, regular 4 × 4 discretisation (offsets −15, −5, 5, 15 m): 268.7324 / 19568.76. */
    @Test
    void blockKrigingWithRegularDiscretisation() {
        PointEstimate p = blockKrige(181170, 333250, BlockDiscretisation.Rule.REGULAR);
        assertEquals(268.7324, p.value(), 268.7324 * 1e-6);
        assertEquals(19568.76, p.variance(), 19568.76 * 1e-6);
    }

    private static PointEstimate blockKrige(double x, double y, BlockDiscretisation.Rule rule) {
        VariogramModel m = VariogramModel.of(2.42e4, StructureType.SPHERICAL, 1.34e5, 800);
        Kriging k = new Kriging(Kriging.Kind.ORDINARY, m, Double.NaN, false, false, false,
                Optional.of(new BlockDiscretisation(40, 40, 0, 0, 4, 4, 1, rule)));
        return Estimation.at(k, GeostatsData.meuse("zinc"), Neighbourhood.nearest(40, 1e9), x, y, 0);
    }
}
