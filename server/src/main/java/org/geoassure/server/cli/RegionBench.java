package org.geoassure.server.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.geoassure.geodb.grid.BlockModel;
import org.geoassure.geodb.grid.CellRegion;
import org.geoassure.geodb.model.Mesh;

/**
 * {@code geoassure bench --only regions}: the target "flag 10^7 cells inside a closed mesh of 10^5 triangles
 * in under 5 s". A 216^3 grid of 2 m cells (10,077,696 cells, rotated 25 degrees, at Gauss-Krüger coordinates) and a
 * closed UV sphere of radius 200 m with 224 stacks x 224 slices (99,904 triangles); also above a surface of the same
 * size and within 50 m of a 20-vertex polyline. Each is run {@link #ROUNDS} times after {@link #WARMUP}; median and
 * best wall-clock times are printed, with the cells flagged and, for the sphere, the volume against 4/3 pi r^3.
 */
final class RegionBench {
    private static final int N = 216;
    private static final double CELL = 2;
    private static final double R = 200;
    private static final int WARMUP = 2;
    private static final int ROUNDS = 7;

    private RegionBench() {
    }

    static void run(PrintWriter out) {
        double cx = 39_500_000 + 300;
        double cy = 4_400_000 + 250;
        double cz = -300;
        double rot = 25;
        double h = N * CELL / 2;
        double c = Math.cos(Math.toRadians(rot));
        double s = Math.sin(Math.toRadians(rot));
        BlockModel grid = new BlockModel("bench", cx - (c * h - s * h), cy - (s * h + c * h), cz - h, rot, CELL, CELL, CELL,
                N, N, N, List.of());
        Mesh sphere = sphere(cx, cy, cz, R, 224, 224);
        Mesh surface = surface(cx, cy, cz, 1.2 * h, 224);
        double[] line = new double[60];
        for (int v = 0; v < 20; v++) {
            line[3 * v] = cx - 180 + 18 * v;
            line[3 * v + 1] = cy + 60 * Math.sin(v / 3.0);
            line[3 * v + 2] = cz - 100 + 10 * v;
        }
        out.printf("regions   grid %d^3 = %,d cells of %.0f m, rotated %.0f degrees; sphere r = %.0f m of %,d triangles%n",
                N, grid.gridCells(), CELL, rot, R, sphere.triangleCount());
        time(out, "inside a closed mesh", () -> CellRegion.insideMesh(grid, sphere));
        CellRegion in = CellRegion.insideMesh(grid, sphere);
        double v = in.cells() * grid.cellVolume();
        double analytic = 4.0 / 3 * Math.PI * R * R * R;
        out.printf("          inside: %,d cells, %.6e m3 against 4/3 pi r^3 = %.6e m3 (%.3f %%)%n", in.cells(), v,
                analytic, 100 * (v - analytic) / analytic);
        time(out, "above a surface (" + surface.triangleCount() + " triangles)",
                () -> CellRegion.aboveSurface(grid, surface));
        time(out, "within 50 m of a 20-vertex line", () -> CellRegion.withinDistance(grid, List.of(line), 50));
    }

    private static void time(PrintWriter out, String what, java.util.function.Supplier<CellRegion> run) {
        long[] ns = new long[ROUNDS];
        long cells = 0;
        for (int r = -WARMUP; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            cells = run.get().cells();
            if (r >= 0) {
                ns[r] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(ns);
        out.printf("          %-40s median %.3f s, best %.3f s (%,d cells flagged)%n", what, ns[ROUNDS / 2] / 1e9,
                ns[0] / 1e9, cells);
        out.flush();
    }

    /** A closed UV sphere: two poles and (stacks - 1) rings of {@code slices} vertices. */
    static Mesh sphere(double cx, double cy, double cz, double r, int stacks, int slices) {
        int rings = stacks - 1;
        double[] xyz = new double[3 * (2 + rings * slices)];
        xyz[0] = cx;
        xyz[1] = cy;
        xyz[2] = cz + r;
        for (int s = 1; s <= rings; s++) {
            double th = Math.PI * s / stacks;
            for (int l = 0; l < slices; l++) {
                double ph = 2 * Math.PI * l / slices;
                int v = 1 + (s - 1) * slices + l;
                xyz[3 * v] = cx + r * Math.sin(th) * Math.cos(ph);
                xyz[3 * v + 1] = cy + r * Math.sin(th) * Math.sin(ph);
                xyz[3 * v + 2] = cz + r * Math.cos(th);
            }
        }
        int south = 1 + rings * slices;
        xyz[3 * south] = cx;
        xyz[3 * south + 1] = cy;
        xyz[3 * south + 2] = cz - r;
        int[] t = new int[3 * (2 * slices + 2 * slices * (rings - 1))];
        int n = 0;
        for (int l = 0; l < slices; l++) {
            int next = (l + 1) % slices;
            int last = 1 + (rings - 1) * slices;
            n = put(t, n, 0, 1 + l, 1 + next);
            n = put(t, n, south, last + next, last + l);
            for (int s = 0; s < rings - 1; s++) {
                int a = 1 + s * slices + l;
                int b = 1 + s * slices + next;
                int d = 1 + (s + 1) * slices + l;
                int e = 1 + (s + 1) * slices + next;
                n = put(t, n, a, d, e);
                n = put(t, n, a, e, b);
            }
        }
        return new Mesh(xyz, t);
    }

    /** A gently folded open surface over a square of half-width {@code h}: (n + 1)^2 vertices, 2 n^2 triangles. */
    private static Mesh surface(double cx, double cy, double cz, double h, int n) {
        double[] xyz = new double[3 * (n + 1) * (n + 1)];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                int v = j * (n + 1) + i;
                double x = -h + 2 * h * i / n;
                double y = -h + 2 * h * j / n;
                xyz[3 * v] = cx + x;
                xyz[3 * v + 1] = cy + y;
                xyz[3 * v + 2] = cz + 40 * Math.sin(x / 90) + 0.1 * y;
            }
        }
        int[] t = new int[6 * n * n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int a = j * (n + 1) + i;
                k = put(t, k, a, a + 1, a + n + 2);
                k = put(t, k, a, a + n + 2, a + n + 1);
            }
        }
        return new Mesh(xyz, t);
    }

    private static int put(int[] t, int n, int a, int b, int c) {
        t[n] = a;
        t[n + 1] = b;
        t[n + 2] = c;
        return n + 3;
    }
}
