package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.geoassure.geodb.grid.BlockModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The k-d tree search against a brute-force scan of all samples (the independent reference). */
class NeighbourSearchTest {

    @ParameterizedTest(name = "seed {0}, k {1}, per octant {2}")
    @CsvSource({"1, 16, 0", "2, 32, 0", "3, 32, 4", "4, 8, 2", "5, 200, 0"})
    void sameNeighboursAsBruteForce(long seed, int k, int perOctant) {
        Random rnd = new Random(seed);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1000 * rnd.nextDouble();
            y[i] = 1000 * rnd.nextDouble();
            z[i] = 200 * rnd.nextDouble();
            if (i % 100 == 0 && i > 0) { // exact duplicates and ties
                x[i] = x[i - 1];
                y[i] = y[i - 1];
                z[i] = z[i - 1];
            }
        }
        Samples s = new Samples(x, y, z, new double[n]);
        Ellipsoid e = new Ellipsoid(35, -20, 10, 150, 80, 30);
        Neighbourhood hood = new Neighbourhood(e, k, 1, perOctant);
        NeighbourSearch.Query q = new NeighbourSearch(s, hood).query();
        double[] m = e.scaledRotation();
        int[] out = new int[k];
        double qx = 500;
        double qy = 500;
        double qz = 100;
        for (int t = 0; t < 400; t++) {
            if (t % 4 == 0) { // a jump, then three short steps (the search narrows its ball after a step)
                qx = 1000 * rnd.nextDouble();
                qy = 1000 * rnd.nextDouble();
                qz = 200 * rnd.nextDouble();
            } else {
                qx += 10 * rnd.nextDouble();
                qy -= 5 * rnd.nextDouble();
                qz += rnd.nextDouble();
            }
            int found = q.find(qx, qy, qz, out);
            int[] expected = brute(x, y, z, m, qx, qy, qz, k, perOctant);
            assertArrayEquals(expected, Arrays.copyOf(out, found), "seed " + seed + " query " + t);
        }
    }

    /**
     * The row search that grid estimation uses (one window of samples per row of cells) against brute force and
     * against the point-by-point search: clustered and sparse samples (so some balls reach the full radius and some
     * fall back to the tree), exact duplicates, samples lying on cell centroids, a rotated grid and an anisotropic
     * ellipsoid.
     */
    @ParameterizedTest(name = "seed {0}, k {1}")
    @CsvSource({"11, 16", "12, 32", "13, 5", "14, 64"})
    void rowSearchSameAsBruteForceAndPointSearch(long seed, int k) {
        Random rnd = new Random(seed);
        int n = 1800;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        BlockModel grid = new BlockModel("rows", 100, 50, 0, 30, 12, 8, 5, 40, 12, 6, List.of());
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            if (i < 1500) { // a dense cluster in one corner of the grid
                x[i] = 100 + 250 * rnd.nextDouble();
                y[i] = 50 + 250 * rnd.nextDouble();
                z[i] = 30 * rnd.nextDouble();
            } else { // sparse elsewhere, some beyond the grid
                x[i] = -200 + 900 * rnd.nextDouble();
                y[i] = -200 + 900 * rnd.nextDouble();
                z[i] = -20 + 70 * rnd.nextDouble();
            }
            if (i % 50 == 0 && i > 0) { // exact duplicates
                x[i] = x[i - 1];
                y[i] = y[i - 1];
                z[i] = z[i - 1];
            }
            if (i % 97 == 0) { // on a cell centroid: a zero distance
                grid.centroid(rnd.nextInt(40), rnd.nextInt(12), rnd.nextInt(6), c);
                x[i] = c[0];
                y[i] = c[1];
                z[i] = c[2];
            }
        }
        Samples s = new Samples(x, y, z, new double[n]);
        Ellipsoid e = new Ellipsoid(35, -20, 10, 150, 80, 30);
        Neighbourhood hood = new Neighbourhood(e, k, 1, 0);
        NeighbourSearch search = new NeighbourSearch(s, hood);
        NeighbourSearch.Query rows = search.query();
        double[] m = e.scaledRotation();
        int[] out = new int[k];
        int[] point = new int[k];
        double[] end = new double[3];
        int full = 0;
        for (int kk = 0; kk < grid.nz(); kk++) {
            for (int j = 0; j < grid.ny(); j++) {
                grid.centroid(0, j, kk, c);
                grid.centroid(grid.nx() - 1, j, kk, end);
                rows.beginRow(c, end, grid.nx());
                for (int i = 0; i < grid.nx(); i++) {
                    grid.centroid(i, j, kk, c);
                    int found = rows.findInRow(i, c[0], c[1], c[2], out);
                    int[] expected = brute(x, y, z, m, c[0], c[1], c[2], k, 0);
                    String at = "cell " + i + "," + j + "," + kk;
                    assertArrayEquals(expected, Arrays.copyOf(out, found), at);
                    // a fresh point query (no hint from a previous cell): the path grid estimation used before
                    int alone = search.query().find(c[0], c[1], c[2], point);
                    assertArrayEquals(Arrays.copyOf(point, alone), Arrays.copyOf(out, found), at);
                    full += found == k ? 1 : 0;
                }
            }
        }
        // the data must exercise both cases: cells with k neighbours and cells short of them (ball at full radius)
        assertTrue(full > 0 && full < grid.gridCells(), full + " of " + grid.gridCells() + " cells with k neighbours");
    }

    /** IDW onto a grid (row search, two threads) equals the cell-by-cell estimate bit for bit. */
    @Test
    void gridIdwEqualsCellByCell() {
        Random rnd = new Random(7);
        int n = 3000;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 600 * rnd.nextDouble();
            y[i] = 400 * rnd.nextDouble();
            z[i] = 60 * rnd.nextDouble();
            v[i] = Math.sin(x[i] / 50) + y[i] / 400 + rnd.nextGaussian();
        }
        Samples s = new Samples(x, y, z, v);
        BlockModel grid = new BlockModel("idw", -20, -10, 0, 15, 10, 10, 3, 60, 40, 20, List.of());
        Neighbourhood hood = new Neighbourhood(new Ellipsoid(20, 0, 0, 120, 60, 20), 24, 4, 0);
        InverseDistance idw = new InverseDistance(2, new Ellipsoid(20, 0, 0, 2, 1, 1));
        GridEstimate g = Estimation.grid(idw, s, hood, grid, 2);
        int[] cells = new int[(int) grid.gridCells()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i;
        }
        GridEstimate one = Estimation.cells(idw, s, hood, grid, cells);
        assertArrayEquals(one.values(), g.values());
        assertEquals(one.estimated(), g.estimated());
        assertTrue(g.estimated() > cells.length / 2, g.estimated() + " cells estimated");
    }

    private static int[] brute(double[] x, double[] y, double[] z, double[] m, double qx, double qy, double qz,
            int k, int perOctant) {
        List<double[]> in = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - qx;
            double dy = y[i] - qy;
            double dz = z[i] - qz;
            // reduced coordinates computed as the search does (transform, then difference)
            double u = (m[0] * x[i] + m[1] * y[i] + m[2] * z[i]) - (m[0] * qx + m[1] * qy + m[2] * qz);
            double v = (m[3] * x[i] + m[4] * y[i] + m[5] * z[i]) - (m[3] * qx + m[4] * qy + m[5] * qz);
            double w = (m[6] * x[i] + m[7] * y[i] + m[8] * z[i]) - (m[6] * qx + m[7] * qy + m[8] * qz);
            double d2 = u * u + v * v + w * w;
            assertEquals(Math.sqrt(d2), new Ellipsoid(35, -20, 10, 150, 80, 30).reducedDistance(dx, dy, dz), 1e-9);
            if (d2 <= 1) {
                int oct = (u >= 0 ? 1 : 0) | (v >= 0 ? 2 : 0) | (w >= 0 ? 4 : 0);
                in.add(new double[] {d2, i, oct});
            }
        }
        in.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        int[] perOct = new int[8];
        List<Integer> out = new ArrayList<>();
        for (double[] a : in) {
            if (out.size() == k) {
                break;
            }
            int o = (int) a[2];
            if (perOctant > 0 && perOct[o] == perOctant) {
                continue;
            }
            perOct[o]++;
            out.add((int) a[1]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
