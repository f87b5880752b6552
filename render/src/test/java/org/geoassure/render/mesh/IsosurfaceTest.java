package org.geoassure.render.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.geoassure.geodb.model.Mesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Isosurfaces against analytic shapes: a sphere's area and volume against 4 pi r^2 and 4/3 pi r^3 (within the
 * discretisation error of chords on a grid of spacing 1: the relative error falls as (h / r)^2), closed (every edge in
 * exactly two triangles, each way once: consistent winding), outward (positive signed volume); a field that runs out
 * of the grid is closed at the grid's edge; below-the-level bodies; NaN samples are outside. Marching cubes breaks, if
 * anywhere, on ambiguous faces: every one of the 256 cube cases, and seeded random fields full of ambiguous faces, are
 * checked closed; the mesh is the same whatever the number of parallel ranges.
 */
class IsosurfaceTest {
    /** r - distance to (c, c, c) on an n^3 grid: positive inside a sphere of radius r. */
    private static double[] sphere(int n, double c, double r) {
        double[] v = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    v[i + n * (j + n * k)] = r - Math.sqrt((i - c) * (i - c) + (j - c) * (j - c) + (k - c) * (k - c));
                }
            }
        }
        return v;
    }

    static double signedVolume(Mesh m) {
        double s = 0;
        for (int t = 0; t < m.triangleCount(); t++) {
            double[][] p = corners(m, t);
            s += p[0][0] * (p[1][1] * p[2][2] - p[1][2] * p[2][1]) - p[0][1] * (p[1][0] * p[2][2] - p[1][2] * p[2][0])
                    + p[0][2] * (p[1][0] * p[2][1] - p[1][1] * p[2][0]);
        }
        return s / 6;
    }

    static double area(Mesh m) {
        double s = 0;
        for (int t = 0; t < m.triangleCount(); t++) {
            double[][] p = corners(m, t);
            double[] u = {p[1][0] - p[0][0], p[1][1] - p[0][1], p[1][2] - p[0][2]};
            double[] v = {p[2][0] - p[0][0], p[2][1] - p[0][1], p[2][2] - p[0][2]};
            double x = u[1] * v[2] - u[2] * v[1];
            double y = u[2] * v[0] - u[0] * v[2];
            double z = u[0] * v[1] - u[1] * v[0];
            s += Math.sqrt(x * x + y * y + z * z) / 2;
        }
        return s;
    }

    private static double[][] corners(Mesh m, int t) {
        double[][] p = new double[3][3];
        for (int c = 0; c < 3; c++) {
            for (int a = 0; a < 3; a++) {
                p[c][a] = m.coordinate(m.corner(t, c), a);
            }
        }
        return p;
    }

    /** Every directed edge once and its reverse once: closed, and wound consistently. */
    static void assertClosedAndConsistent(Mesh m) {
        Map<Long, Integer> directed = new HashMap<>();
        for (int t = 0; t < m.triangleCount(); t++) {
            for (int e = 0; e < 3; e++) {
                long a = m.corner(t, e);
                long b = m.corner(t, (e + 1) % 3);
                directed.merge((a << 32) | b, 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> e : directed.entrySet()) {
            long a = e.getKey() >>> 32;
            long b = e.getKey() & 0xffffffffL;
            assertEquals(1, e.getValue(), "directed edge " + a + "->" + b + " used more than once");
            assertEquals(1, directed.getOrDefault((b << 32) | a, 0), "edge " + a + "-" + b + " has no twin");
        }
    }

    @Test
    void sphereAreaAndVolumeMatchTheAnalyticValues() {
        double r = 30;
        Mesh m = Isosurface.extract(sphere(72, 35.5, r), 72, 72, 72, 0, false);
        assertClosedAndConsistent(m);
        double area = 4 * Math.PI * r * r; // 11,309.73
        double volume = 4.0 / 3 * Math.PI * r * r * r; // 113,097.34
        assertEquals(area, area(m), area * 5e-3, "area");
        assertEquals(volume, signedVolume(m), volume * 5e-3, "volume, positive: triangles wound outwards");
    }

    @Test
    void aFieldCutByTheGridIsClosedAtItsEdge() {
        // a sphere of radius 12 centred on a grid corner: an eighth of it inside the grid, closed by three grid faces
        Mesh m = Isosurface.extract(sphere(20, 0, 12), 20, 20, 20, 0, false);
        assertClosedAndConsistent(m);
        // the grid's samples start at 0; the eighth ball is cut by the planes half a cell outside them at most
        double eighth = Math.PI * 12 * 12 * 12 / 6;
        assertTrue(signedVolume(m) > eighth * 0.9 && signedVolume(m) < eighth * 1.3, "volume " + signedVolume(m));
    }

    @Test
    void belowTheLevelAndNanSamples() {
        double[] f = sphere(24, 11.5, 8);
        for (int p = 0; p < f.length; p++) {
            f[p] = -f[p]; // distance - r: below 0 inside
        }
        Mesh below = Isosurface.extract(f, 24, 24, 24, 0, true);
        assertClosedAndConsistent(below);
        assertEquals(4.0 / 3 * Math.PI * 512, signedVolume(below), 4.0 / 3 * Math.PI * 512 * 2e-2);
        f[11 + 24 * (11 + 24 * 11)] = Double.NaN; // a hole in the data at the centre: a small cavity, still closed
        Mesh holed = Isosurface.extract(f, 24, 24, 24, 0, true);
        assertClosedAndConsistent(holed);
        assertTrue(signedVolume(holed) < signedVolume(below));
        assertEquals(0, Isosurface.extract(new double[8], 2, 2, 2, 1, false).triangleCount(), "nothing inside");
    }

    /** Uniform noise in [0, 1) on an nx x ny x nz grid, a fraction of it NaN; seeded. */
    private static double[] noise(long seed, int nx, int ny, int nz, double nanFraction) {
        Random random = new Random(seed);
        double[] v = new double[nx * ny * nz];
        for (int p = 0; p < v.length; p++) {
            v[p] = random.nextDouble() < nanFraction ? Double.NaN : random.nextDouble();
        }
        return v;
    }

    /** The sum of sines of {@code bench --only isosurface}'s rough case, on an n^3 grid. */
    private static double[] sines(int n) {
        double[] v = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    v[i + n * (j + n * k)] = Math.sin(i * 0.3) + Math.sin(j * 0.28) + Math.sin(k * 0.32);
                }
            }
        }
        return v;
    }

    @ParameterizedTest(name = "case {0}")
    @ValueSource(ints = {1, 3, 5, 6, 7, 15, 20, 24, 25, 60, 65, 90, 105, 126, 150, 165, 195, 231, 254, 255})
    void oneCubeCaseIsClosedByTheGridEdge(int insideCorners) {
        // a 2 x 2 x 2 grid is one cube; its corners (bit c: sample (c & 1, c >> 1 & 1, c >> 2 & 1)) inside or not
        double[] v = new double[8];
        for (int c = 0; c < 8; c++) {
            v[c] = (insideCorners >> c & 1) != 0 ? 1 : -1;
        }
        Mesh m = Isosurface.extract(v, 2, 2, 2, 0, false);
        assertClosedAndConsistent(m);
        assertTrue(m.triangleCount() > 0, "case " + insideCorners);
        double volume = signedVolume(m);
        // each inside sample holds the octant of the unit cube up to the cuts at its edges' midpoints, at least
        double min = Integer.bitCount(insideCorners) / 8.0 * (insideCorners == 255 ? 1 : 1.0 / 6);
        assertTrue(volume >= min - 1e-12 && volume <= 1 + 1e-12, "case " + insideCorners + ": volume " + volume);
    }

    @Test
    void everyCubeCaseIsClosed() {
        // all 256 cases in one grid two samples thick: 8 x 32 blocks of 2 x 2 x 2 samples, block b in case b,
        // apart by a plane of outside samples; each body is closed partly by the grid's edge
        int nx = 8 * 3;
        int ny = 32 * 3;
        double[] v = new double[nx * ny * 2];
        java.util.Arrays.fill(v, -1);
        for (int cs = 0; cs < 256; cs++) {
            int bi = 3 * (cs % 8);
            int bj = 3 * (cs / 8);
            for (int c = 0; c < 8; c++) {
                v[bi + (c & 1) + nx * (bj + (c >> 1 & 1) + ny * (c >> 2 & 1))] = (cs >> c & 1) != 0 ? 1 : -1;
            }
        }
        Mesh m = Isosurface.extract(v, nx, ny, 2, 0, false);
        assertClosedAndConsistent(m);
        assertTrue(signedVolume(m) > 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261130})
    void aRandomFieldIsClosedAndWoundConsistently(long seed) {
        // noise: about half the faces of the grid ambiguous, where a marching-cubes table would crack if inconsistent
        double[] v = noise(seed, 23, 19, 17, 0.05);
        Mesh above = Isosurface.extract(v, 23, 19, 17, 0.5, false);
        assertClosedAndConsistent(above);
        assertTrue(signedVolume(above) > 0, "seed " + seed);
        Mesh below = Isosurface.extract(v, 23, 19, 17, 0.5, true);
        assertClosedAndConsistent(below);
        assertTrue(signedVolume(below) > 0, "seed " + seed);
        // together, about the grid's volume (the two differ in ambiguous faces, and NaN samples are in neither)
        double hull = 22 * 18 * 16;
        double both = signedVolume(above) + signedVolume(below);
        assertTrue(both > 0.5 * hull && both < hull, "seed " + seed + ": " + both + " of " + hull);
    }

    @Test
    void belowIsAboveOfTheNegatedField() {
        double[] v = noise(7, 15, 16, 17, 0.05);
        double[] negated = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            negated[p] = -v[p];
        }
        Mesh above = Isosurface.extract(v, 15, 16, 17, 0.3, false);
        Mesh below = Isosurface.extract(negated, 15, 16, 17, -0.3, true);
        assertArrayEquals(above.xyz(), below.xyz());
        assertArrayEquals(above.triangles(), below.triangles());
    }

    @Test
    void theMeshIsTheSameWhateverTheNumberOfParallelRanges() throws Exception {
        int n = 70;
        double[] v = sines(n);
        v[3 + n * (40 + n * 33)] = Double.NaN;
        Mesh one = Isosurface.extract(v, n, n, n, 0.5, false, 1);
        assertClosedAndConsistent(one);
        assertTrue(one.triangleCount() > 10_000, one.triangleCount() + " triangles");
        for (int ranges : new int[] {2, 3, 7, 71, 500}) {
            Mesh m = Isosurface.extract(v, n, n, n, 0.5, false, ranges);
            assertArrayEquals(one.xyz(), m.xyz(), ranges + " ranges");
            assertArrayEquals(one.triangles(), m.triangles(), ranges + " ranges");
        }
        Mesh auto = Isosurface.extract(v, n, n, n, 0.5, false);
        assertArrayEquals(one.xyz(), auto.xyz());
        assertArrayEquals(one.triangles(), auto.triangles());
        // and whatever the number of threads (a parallel stream started in a ForkJoinPool task runs in that pool)
        for (int threads : new int[] {1, 3}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                Mesh m = pool.submit(() -> Isosurface.extract(v, n, n, n, 0.5, false, 9)).get();
                assertArrayEquals(one.xyz(), m.xyz(), threads + " threads");
                assertArrayEquals(one.triangles(), m.triangles(), threads + " threads");
            } finally {
                pool.shutdown();
            }
        }
    }
}
