package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
