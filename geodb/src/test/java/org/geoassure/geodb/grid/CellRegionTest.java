package org.geoassure.geodb.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Mesh;
import org.junit.jupiter.api.Test;

/**
 * Regions of cells by column scanline parity, against analytic volumes (sphere 4/3 pi r^3, torus 2 pi^2 R r^2, boxes
 * counted by hand), against the exact volume of each mesh (divergence theorem, computed here independently of the
 * rasteriser), and cell for cell against brute force: a ray cast from each centroid in an oblique direction with the
 * Moller-Trumbore test, on seeded random star-shaped solids in rotated models (seed in the failure message).
 */
class CellRegionTest {
    private static BlockModel grid(double x0, double y0, double z0, double rot, double d, int n) {
        return new BlockModel("g", x0, y0, z0, rot, d, d, d, n, n, n, List.of());
    }

    /** A closed UV sphere (or, with a radius function, a star-shaped solid) about (cx, cy, cz). */
    static Mesh sphere(double cx, double cy, double cz, int stacks, int slices, DoubleBinaryOperator radius) {
        List<double[]> v = new ArrayList<>();
        v.add(new double[] {cx, cy, cz + radius.applyAsDouble(0, 0)});
        for (int s = 1; s < stacks; s++) {
            double th = Math.PI * s / stacks;
            for (int l = 0; l < slices; l++) {
                double ph = 2 * Math.PI * l / slices;
                double r = radius.applyAsDouble(th, ph);
                v.add(new double[] {cx + r * Math.sin(th) * Math.cos(ph), cy + r * Math.sin(th) * Math.sin(ph),
                    cz + r * Math.cos(th)});
            }
        }
        v.add(new double[] {cx, cy, cz - radius.applyAsDouble(Math.PI, 0)});
        int south = v.size() - 1;
        List<int[]> t = new ArrayList<>();
        for (int l = 0; l < slices; l++) {
            int n = (l + 1) % slices;
            t.add(new int[] {0, 1 + l, 1 + n});
            int last = 1 + (stacks - 2) * slices;
            t.add(new int[] {south, last + n, last + l});
        }
        for (int s = 0; s < stacks - 2; s++) {
            for (int l = 0; l < slices; l++) {
                int n = (l + 1) % slices;
                int a = 1 + s * slices + l;
                int b = 1 + s * slices + n;
                int c = 1 + (s + 1) * slices + l;
                int d = 1 + (s + 1) * slices + n;
                t.add(new int[] {a, c, d});
                t.add(new int[] {a, d, b});
            }
        }
        return mesh(v, t);
    }

    static Mesh torus(double cx, double cy, double cz, double big, double small, int nu, int nv) {
        List<double[]> v = new ArrayList<>();
        List<int[]> t = new ArrayList<>();
        for (int i = 0; i < nu; i++) {
            double u = 2 * Math.PI * i / nu;
            for (int j = 0; j < nv; j++) {
                double w = 2 * Math.PI * j / nv;
                double r = big + small * Math.cos(w);
                v.add(new double[] {cx + r * Math.cos(u), cy + r * Math.sin(u), cz + small * Math.sin(w)});
            }
        }
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                int a = i * nv + j;
                int b = ((i + 1) % nu) * nv + j;
                int c = ((i + 1) % nu) * nv + (j + 1) % nv;
                int d = i * nv + (j + 1) % nv;
                t.add(new int[] {a, b, c});
                t.add(new int[] {a, c, d});
            }
        }
        return mesh(v, t);
    }

    static Mesh box(double x0, double y0, double z0, double x1, double y1, double z1) {
        List<double[]> v = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            v.add(new double[] {(c & 1) == 0 ? x0 : x1, (c & 2) == 0 ? y0 : y1, (c & 4) == 0 ? z0 : z1});
        }
        int[][] quads = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
        List<int[]> t = new ArrayList<>();
        for (int[] q : quads) {
            t.add(new int[] {q[0], q[1], q[2]});
            t.add(new int[] {q[0], q[2], q[3]});
        }
        return mesh(v, t);
    }

    private static Mesh mesh(List<double[]> v, List<int[]> t) {
        double[] xyz = new double[v.size() * 3];
        for (int i = 0; i < v.size(); i++) {
            System.arraycopy(v.get(i), 0, xyz, 3 * i, 3);
        }
        int[] tri = new int[t.size() * 3];
        for (int i = 0; i < t.size(); i++) {
            System.arraycopy(t.get(i), 0, tri, 3 * i, 3);
        }
        return new Mesh(xyz, tri);
    }

    /** |signed volume| by the divergence theorem: sum of a . (b x c) / 6 over the triangles. */
    static double volume(Mesh m) {
        double s = 0;
        for (int f = 0; f < m.triangleCount(); f++) {
            double[][] p = new double[3][3];
            for (int c = 0; c < 3; c++) {
                for (int a = 0; a < 3; a++) {
                    p[c][a] = m.coordinate(m.corner(f, c), a);
                }
            }
            s += p[0][0] * (p[1][1] * p[2][2] - p[1][2] * p[2][1]) - p[0][1] * (p[1][0] * p[2][2] - p[1][2] * p[2][0])
                    + p[0][2] * (p[1][0] * p[2][1] - p[1][1] * p[2][0]);
        }
        return Math.abs(s) / 6;
    }

    static double area(Mesh m) {
        double s = 0;
        for (int f = 0; f < m.triangleCount(); f++) {
            double[] e1 = new double[3];
            double[] e2 = new double[3];
            for (int a = 0; a < 3; a++) {
                e1[a] = m.coordinate(m.corner(f, 1), a) - m.coordinate(m.corner(f, 0), a);
                e2[a] = m.coordinate(m.corner(f, 2), a) - m.coordinate(m.corner(f, 0), a);
            }
            double cx = e1[1] * e2[2] - e1[2] * e2[1];
            double cy = e1[2] * e2[0] - e1[0] * e2[2];
            double cz = e1[0] * e2[1] - e1[1] * e2[0];
            s += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
        return s;
    }

    /**
     * The region's volume is the mesh's within the discretisation bound: only cells whose centroid lies within half
     * a cell diagonal of the surface can be misclassified, and those fill at most area x diagonal.
     */
    private static void assertVolume(double expected, Mesh mesh, BlockModel g, double slack) {
        CellRegion r = CellRegion.insideMesh(g, mesh);
        double got = r.cells() * g.cellVolume();
        double bound = area(mesh) * Math.sqrt(g.dx() * g.dx() + g.dy() * g.dy() + g.dz() * g.dz()) / 2 * 0.25 + slack;
        assertEquals(expected, got, bound, "cells " + r.cells());
    }

    @Test
    void sphereVolumeMatchesAnalyticAndMeshVolumes() {
        double r = 40;
        Mesh s = sphere(500_000, 3_800_000, -300, 90, 180, (th, ph) -> r);
        double analytic = 4.0 / 3 * Math.PI * r * r * r; // 268,082.57 m3
        assertEquals(analytic, volume(s), analytic * 2e-3, "the mesh is a good sphere");
        BlockModel g = grid(500_000 - 50, 3_800_000 - 50, -350, 0, 1, 100);
        assertVolume(volume(s), s, g, 0);
        assertVolume(analytic, s, g, Math.abs(analytic - volume(s)));
        // the same in a model rotated 33 degrees about its origin, placed to hold the sphere
        BlockModel rot = grid(500_000 - 20, 3_800_000 - 68, -350, 33, 1, 100);
        assertVolume(volume(s), s, rot, 0);
    }

    @Test
    void torusVolumeMatchesAnalyticAndMeshVolumes() {
        Mesh t = torus(0, 0, 0, 30, 10, 180, 60);
        double analytic = 2 * Math.PI * Math.PI * 30 * 10 * 10; // 59,217.63 m3
        // the 60-gon cross-section holds (60 / 2 pi) sin(2 pi / 60) = 99.817 % of the circle's area
        assertEquals(analytic, volume(t), analytic * 3e-3);
        BlockModel g = new BlockModel("g", -45, -45, -15, 0, 0.5, 0.5, 0.5, 180, 180, 60, List.of());
        assertVolume(volume(t), t, g, 0);
        assertTrue(!CellRegion.insideMesh(g, t).contains(90, 90, 30), "the hole of the torus is outside");
    }

    @Test
    void boxesAreCountedExactlyEvenWhenTheirFacesPassThroughCentroids() {
        BlockModel g = grid(0, 0, 0, 0, 1, 64);
        // faces between centroids: 40 x 40 x 40 centroids inside
        assertEquals(64_000, CellRegion.insideMesh(g, box(10, 10, 10, 50, 50, 50)).cells());
        // faces through centroids 10.5 and 20.5: each boundary counted once, so exactly 10 per axis, not 9 or 11
        CellRegion on = CellRegion.insideMesh(g, box(10.5, 10.5, 10.5, 20.5, 20.5, 20.5));
        assertEquals(1000, on.cells());
        // two boxes sharing a face through centroids: together exactly the two counts, no cell twice or lost
        Mesh left = box(10.5, 10.5, 10.5, 20.5, 20.5, 20.5);
        Mesh right = box(20.5, 10.5, 10.5, 30.5, 20.5, 20.5);
        CellRegion a = CellRegion.insideMesh(g, left);
        CellRegion b = CellRegion.insideMesh(g, right);
        assertEquals(0, a.and(b).cells());
        assertEquals(2000, a.cells() + b.cells());
        // the box as one closed mesh through shared vertices at centroids (a fan at every vertex)
        assertEquals(2000, CellRegion.insideMesh(g, box(10.5, 10.5, 10.5, 30.5, 20.5, 20.5)).cells());
    }

    @Test
    void everyCellAgreesWithARayCastOnRandomSolids() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            double[] bumps = {rnd.nextDouble() * 0.3, rnd.nextDouble() * 0.3, 1 + rnd.nextInt(4), 1 + rnd.nextInt(4)};
            double r0 = 15 + rnd.nextDouble() * 10;
            Mesh m = sphere(1000 + rnd.nextDouble(), 2000 + rnd.nextDouble(), 50 + rnd.nextDouble(), 11 + rnd.nextInt(14),
                    13 + rnd.nextInt(20), (th, ph) -> r0 * (1 + bumps[0] * Math.sin(bumps[2] * th)
                            * Math.cos(bumps[3] * ph) + bumps[1] * Math.cos(3 * th)));
            double rot = rnd.nextBoolean() ? 0 : rnd.nextDouble() * 360 - 180;
            double dx = 1.2 + rnd.nextDouble() * 0.6;
            double dy = 1.2 + rnd.nextDouble() * 0.6;
            double dz = 1.2 + rnd.nextDouble() * 0.6;
            // the grid's centre on the solid's centre, whatever the rotation
            double hu = 20 * dx;
            double hv = 20 * dy;
            double cr = Math.cos(Math.toRadians(rot));
            double sr = Math.sin(Math.toRadians(rot));
            BlockModel g = new BlockModel("g", 1000 - (cr * hu - sr * hv), 2000 - (sr * hu + cr * hv), 50 - 20 * dz, rot,
                    dx, dy, dz, 40, 40, 40, List.of());
            CellRegion r = CellRegion.insideMesh(g, m);
            double[] c = new double[3];
            long inside = 0;
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        g.centroid(i, j, k, c);
                        boolean expected = rayCastInside(m, c);
                        inside += expected ? 1 : 0;
                        if (expected != r.contains(i, j, k)) {
                            throw new AssertionError("seed " + seed + ": cell " + i + "," + j + "," + k + " expected "
                                    + (expected ? "inside" : "outside"));
                        }
                    }
                }
            }
            assertEquals(inside, r.cells(), "seed " + seed);
            assertTrue(inside > 1000, "seed " + seed + ": the solid holds cells");
        }
    }

    /** Parity of the hits of a ray from p in a fixed oblique direction (Moller-Trumbore). */
    private static boolean rayCastInside(Mesh m, double[] p) {
        double[] d = {0.2672612419124244, 0.5345224838248488, 0.8017837257372732};
        int hits = 0;
        for (int f = 0; f < m.triangleCount(); f++) {
            double[] a = new double[3];
            double[] e1 = new double[3];
            double[] e2 = new double[3];
            for (int x = 0; x < 3; x++) {
                a[x] = m.coordinate(m.corner(f, 0), x);
                e1[x] = m.coordinate(m.corner(f, 1), x) - a[x];
                e2[x] = m.coordinate(m.corner(f, 2), x) - a[x];
            }
            double[] h = cross(d, e2);
            double det = dot(e1, h);
            if (Math.abs(det) < 1e-15) {
                continue;
            }
            double[] s = {p[0] - a[0], p[1] - a[1], p[2] - a[2]};
            double u = dot(s, h) / det;
            if (u < 0 || u > 1) {
                continue;
            }
            double[] q = cross(s, e1);
            double v = dot(d, q) / det;
            if (v < 0 || u + v > 1) {
                continue;
            }
            if (dot(e2, q) / det > 0) {
                hits++;
            }
        }
        return (hits & 1) == 1;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Test
    void anOpenMeshIsRefusedNamingAnEdge() {
        Mesh open = new Mesh(new double[] {0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10}, new int[] {0, 1, 2, 0, 1, 3});
        InvalidContentException e = assertThrows(InvalidContentException.class,
                () -> CellRegion.insideMesh(grid(0, 0, 0, 0, 1, 10), open));
        assertEquals("the mesh is not closed: the edge between vertices 0 and 2 belongs to 1 triangle (a closed mesh "
                + "has two at every edge)", e.getMessage());
    }

    @Test
    void aboveAndBelowAnInclinedPlane() {
        // plane z = 20 + 0.25 x over the whole 40 x 40 m footprint, as two triangles
        Mesh plane = new Mesh(new double[] {-1, -1, 20 - 0.25, 41, -1, 20 + 0.25 * 41, 41, 41, 20 + 0.25 * 41, -1, 41,
            20 - 0.25}, new int[] {0, 1, 2, 0, 2, 3});
        BlockModel g = new BlockModel("g", 0, 0, 0, 0, 1, 1, 1, 40, 40, 40, List.of());
        CellRegion above = CellRegion.aboveSurface(g, plane);
        CellRegion below = CellRegion.belowSurface(g, plane);
        long a = 0;
        long b = 0;
        for (int i = 0; i < 40; i++) {
            double zs = 20 + 0.25 * (i + 0.5);
            for (int k = 0; k < 40; k++) {
                double z = k + 0.5;
                a += z > zs ? 40 : 0;
                b += z < zs ? 40 : 0;
            }
        }
        assertEquals(a, above.cells());
        assertEquals(b, below.cells());
        assertEquals(0, above.and(below).cells());
    }

    @Test
    void withinDistanceOfAPointAndALineMatchesBruteForce() {
        BlockModel g = new BlockModel("g", 100, 200, -50, 20, 2, 2, 1, 40, 40, 50, List.of());
        double[] point = {140, 230, -20};
        double[] line = {100, 200, -40, 160, 260, -10, 170, 240, -30};
        CellRegion r = CellRegion.withinDistance(g, List.of(point, line), 7.5);
        double[] c = new double[3];
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    g.centroid(i, j, k, c);
                    double d = Math.min(dist(c, point, 0, 0), Math.min(dist(c, line, 0, 1), dist(c, line, 1, 2)));
                    boolean in = d <= 7.5;
                    n += in ? 1 : 0;
                    assertEquals(in, r.contains(i, j, k), "cell " + i + "," + j + "," + k + " at " + d + " m");
                }
            }
        }
        assertEquals(n, r.cells());
        assertTrue(n > 100);
        assertThrows(InvalidContentException.class, () -> CellRegion.withinDistance(g, List.of(point), -1));
    }

    private static double dist(double[] p, double[] xyz, int s, int e) {
        double[] a = {xyz[3 * s], xyz[3 * s + 1], xyz[3 * s + 2]};
        double[] b = {xyz[3 * e], xyz[3 * e + 1], xyz[3 * e + 2]};
        double[] ab = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double[] ap = {p[0] - a[0], p[1] - a[1], p[2] - a[2]};
        double l2 = dot(ab, ab);
        double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, dot(ap, ab) / l2));
        double[] q = {ap[0] - t * ab[0], ap[1] - t * ab[1], ap[2] - t * ab[2]};
        return Math.sqrt(dot(q, q));
    }

    @Test
    void aggregatesInsideARegionCountOnlyPresentCellsInIt() {
        BlockModel m = new BlockModel("m", 0, 0, 0, 0, 1, 1, 1, 64, 64, 64,
                List.of(BlockAttribute.of("au", AttributeType.FLOAT32)));
        BlockData.Builder b = BlockData.builder(m);
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 64; j++) {
                for (int i = 0; i < 64; i += 2) { // every other cell present
                    b.put(i, j, k, new double[] {i});
                }
            }
        }
        BlockData data = b.build();
        CellRegion inside = CellRegion.insideMesh(m, box(10, 10, 10, 50, 50, 50)); // 40^3 cells, half of them present
        AggregateResult r = BlockScan.aggregate(data, BlockQuery.all().inside(inside), Aggregation.basic());
        assertEquals(32_000, r.count());
        ScanReport s = BlockScan.select(data, BlockQuery.all().inside(CellRegion.insideMesh(m, box(1, 1, 1, 20, 20, 20))),
                List.of(), (i, j, k, br, local) -> { });
        assertEquals(7, s.skippedByBox(), "only the brick at the origin is scanned");
    }
}
