package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;

class GridEstimationTest {
    private static final BlockModel GRID = new BlockModel("g", 1000, 2000, 100, 30, 10, 8, 5, 12, 9, 4, List.of());

    private static Samples random(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 950 + 200 * r.nextDouble();
            y[i] = 1990 + 200 * r.nextDouble();
            z[i] = 95 + 30 * r.nextDouble();
            v[i] = Math.sin(x[i] / 40) + 0.01 * y[i] + r.nextGaussian() * 0.1;
        }
        return new Samples(x, y, z, v);
    }

    @Test
    void eachCellEqualsThePointEstimateAtItsCentroidWhateverTheThreads() {
        Samples s = random(7, 400);
        VariogramModel m = new VariogramModel(0.05, List.of(new VariogramStructure(StructureType.SPHERICAL, 1,
                new Ellipsoid(60, 0, 0, 120, 60, 20))));
        Kriging ok = Kriging.ordinary(m);
        Neighbourhood hood = new Neighbourhood(new Ellipsoid(60, 0, 0, 150, 80, 40), 16, 4, 0);
        GridEstimate one = Estimation.grid(ok, s, hood, GRID, 1);
        GridEstimate two = Estimation.grid(ok, s, hood, GRID, 2);
        assertArrayEquals(one.values(), two.values());
        assertArrayEquals(one.variances(), two.variances());
        double[] c = new double[3];
        int cell = 0;
        int nan = 0;
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++, cell++) {
                    GRID.centroid(i, j, k, c);
                    PointEstimate p = Estimation.at(ok, s, hood, c[0], c[1], c[2]);
                    // the grid reuses factorisations between cells with the same neighbours: bitwise equal
                    assertEquals(p.value(), one.value(cell), 0.0, "cell " + i + "," + j + "," + k);
                    assertEquals(p.variance(), one.variance(cell), 0.0);
                    nan += Double.isNaN(p.value()) ? 1 : 0;
                }
            }
        }
        assertEquals(GRID.gridCells() - nan, one.estimated());
        assertTrue(one.estimated() > 0);
    }

    @Test
    void cellsWithTooFewSamplesAreNaN() {
        Samples far = new Samples(new double[] {0, 1, 2}, new double[] {0, 0, 0}, new double[] {0, 0, 0},
                new double[] {1, 2, 3});
        GridEstimate g = Estimation.grid(InverseDistance.isotropic(2), far, Neighbourhood.nearest(8, 50), GRID, 2);
        assertEquals(0, g.estimated());
        for (double v : g.values()) {
            assertTrue(Double.isNaN(v));
        }
    }

    @Test
    void inverseDistanceOfTwoSamples() {
        // weights 1/d²: d = 1 and 3 -> (1·10 + (1/9)·20) / (1 + 1/9) = 11
        Samples two = Samples.of2d(new double[] {0, 4}, new double[] {0, 0}, new double[] {10, 20});
        assertEquals(11, Estimation.global(InverseDistance.isotropic(2), two, 1, 0, 0).value(), 1e-12);
        assertEquals(20, Estimation.global(InverseDistance.isotropic(2), two, 4, 0, 0).value(), 0.0);
        // anisotropy: x distances count 4 times less along the major axis (east, length 4): d = 0.25 and 0.75,
        // and a sample 1 m north (minor length 1) at d = 1 -> weights 16, 16/9, 1
        Samples three = Samples.of2d(new double[] {0, 4, 1}, new double[] {0, 0, 1}, new double[] {10, 20, 40});
        InverseDistance aniso = new InverseDistance(2, new Ellipsoid(90, 0, 0, 4, 1, 1));
        double expected = (16 * 10 + 16.0 / 9 * 20 + 40) / (16 + 16.0 / 9 + 1);
        assertEquals(expected, Estimation.global(aniso, three, 1, 0, 0).value(), 1e-12);
    }
}
