package org.geoassure.geodb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Solids: closed 2-manifolds whose triangles meet only where they share edges and vertices. */
class SolidCheckTest {
    /** The corners of a box, bit 0 = x, bit 1 = y, bit 2 = z. */
    static double[] box(double x, double y, double z, double dx, double dy, double dz) {
        double[] p = new double[24];
        for (int v = 0; v < 8; v++) {
            p[3 * v] = x + ((v & 1) == 0 ? 0 : dx);
            p[3 * v + 1] = y + ((v & 2) == 0 ? 0 : dy);
            p[3 * v + 2] = z + ((v & 4) == 0 ? 0 : dz);
        }
        return p;
    }

    /** Its 12 triangles, counter-clockwise seen from outside. */
    static final int[] BOX = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4,
        6, 1, 3, 5, 3, 7, 5};

    static Mesh cube(double x, double y, double z, double size) {
        return new Mesh(box(x, y, z, size, size, size), BOX.clone());
    }

    /** Two meshes as one, the vertices of the second after those of the first. */
    static Mesh join(Mesh a, Mesh b) {
        double[] p = Arrays.copyOf(a.xyz(), a.xyz().length + b.xyz().length);
        System.arraycopy(b.xyz(), 0, p, a.xyz().length, b.xyz().length);
        int[] t = Arrays.copyOf(a.triangles(), a.triangles().length + b.triangles().length);
        for (int i = 0; i < b.triangles().length; i++) {
            t[a.triangles().length + i] = b.triangles()[i] + a.vertexCount();
        }
        return new Mesh(p, t);
    }

    /** A closed UV sphere: two poles and (stacks - 1) rings of {@code slices} vertices, outward. */
    static Mesh sphere(double cx, double cy, double cz, double r, int stacks, int slices) {
        int nv = 2 + (stacks - 1) * slices;
        double[] p = new double[3 * nv];
        p[0] = cx;
        p[1] = cy;
        p[2] = cz + r;
        p[3] = cx;
        p[4] = cy;
        p[5] = cz - r;
        for (int s = 1; s < stacks; s++) {
            double phi = Math.PI * s / stacks;
            for (int k = 0; k < slices; k++) {
                double th = 2 * Math.PI * k / slices;
                int v = 2 + (s - 1) * slices + k;
                p[3 * v] = cx + r * Math.sin(phi) * Math.cos(th);
                p[3 * v + 1] = cy + r * Math.sin(phi) * Math.sin(th);
                p[3 * v + 2] = cz + r * Math.cos(phi);
            }
        }
        int[] t = new int[3 * 2 * slices * (stacks - 1)];
        int n = 0;
        for (int k = 0; k < slices; k++) {
            int k1 = (k + 1) % slices;
            t[n++] = 0;
            t[n++] = 2 + k;
            t[n++] = 2 + k1;
            int last = 2 + (stacks - 2) * slices;
            t[n++] = 1;
            t[n++] = last + k1;
            t[n++] = last + k;
        }
        for (int s = 1; s < stacks - 1; s++) {
            for (int k = 0; k < slices; k++) {
                int k1 = (k + 1) % slices;
                int a = 2 + (s - 1) * slices + k;
                int b = 2 + (s - 1) * slices + k1;
                int c = 2 + s * slices + k;
                int d = 2 + s * slices + k1;
                t[n++] = a;
                t[n++] = c;
                t[n++] = b;
                t[n++] = b;
                t[n++] = c;
                t[n++] = d;
            }
        }
        return new Mesh(p, t);
    }

    private static String problem(Mesh m) {
        return SolidCheck.check(m).map(SolidCheck.Problem::reason).orElse("");
    }

    @Test
    void cubeAndSphereAreSolids() {
        assertEquals("", problem(cube(0, 0, 0, 1)));
        assertEquals("", problem(cube(39_500_000.25, 4_000_000.5, -812.75, 3)));
        assertEquals("", problem(sphere(0, 0, 0, 10, 24, 36)));
        assertEquals("", problem(sphere(39_500_000, 4_000_000, -400, 200, 60, 90)));
        // two separate solids in one mesh (two stopes) are a solid too
        assertEquals("", problem(join(cube(0, 0, 0, 1), cube(2, 0, 0, 1))));
    }

    @Test
    void openMeshIsRefusedNamingTheEdge() {
        Mesh m = cube(0, 0, 0, 1);
        int[] t = Arrays.copyOf(m.triangles(), 33); // the last triangle gone
        Optional<SolidCheck.Problem> p = SolidCheck.check(new Mesh(m.xyz(), t));
        assertEquals("the mesh is not closed: the edge between vertices 5 and 7 belongs to triangle 3 only (a solid "
                + "has two triangles at every edge)", p.orElseThrow().reason());
        assertEquals(3, p.orElseThrow().triangle());
    }

    @Test
    void flippedTriangleIsRefused() {
        Mesh m = cube(0, 0, 0, 1);
        int[] t = m.triangles();
        int tmp = t[13];
        t[13] = t[14];
        t[14] = tmp; // triangle 4 turned inside out
        assertEquals("triangles 0 and 4 both run from vertex 1 to 0: their faces are oriented inconsistently (or one "
                + "is a copy of the other)", problem(new Mesh(m.xyz(), t)));
    }

    @Test
    void twoCubesOnOneEdgeAreNotAManifold() {
        // the second cube's corner 0-4 edge is the first one's 3-7 edge: the edge has four triangles
        Mesh a = cube(0, 0, 0, 1);
        Mesh b = cube(1, 1, 0, 1);
        Mesh both = join(a, b);
        int[] t = both.triangles();
        for (int i = 36; i < 72; i++) {
            t[i] = t[i] == 8 ? 3 : t[i] == 12 ? 7 : t[i];
        }
        assertTrue(problem(new Mesh(both.xyz(), t)).startsWith("the edge between vertices 3 and 7 belongs to 4 "
                + "triangles (7, 11, 16, ...): the surface is not a 2-manifold"), problem(new Mesh(both.xyz(), t)));
    }

    @Test
    void twoCubesOnOneCornerAreNotAManifold() {
        Mesh both = join(cube(0, 0, 0, 1), cube(1, 1, 1, 1));
        int[] t = both.triangles();
        for (int i = 36; i < 72; i++) {
            t[i] = t[i] == 8 ? 7 : t[i];
        }
        assertTrue(problem(new Mesh(both.xyz(), t)).startsWith("vertex 7 joins 6 triangles that form more than one "
                + "fan around it"), problem(new Mesh(both.xyz(), t)));
    }

    @Test
    void overlappingCubesIntersect() {
        Optional<SolidCheck.Problem> p = SolidCheck.check(join(cube(0, 0, 0, 1), cube(0.5, 0.25, 0.25, 1)));
        assertTrue(p.orElseThrow().reason().matches("triangles \\d+ \\(vertices [0-9, ]+\\) and \\d+ \\(vertices "
                + "[0-9, ]+\\) intersect: the surface crosses or touches itself"), p.orElseThrow().reason());
        assertTrue(p.orElseThrow().triangle() < 12 && p.orElseThrow().other() >= 12, p.toString());
    }

    @Test
    void touchingIsAnIntersectionAndOneUlpApartIsNot() {
        double x = 39_500_000.5;
        assertTrue(problem(join(cube(x, 4_000_000, 100, 2), cube(x + 2, 4_000_000.5, 100.5, 1))).contains(
                "intersect"));
        double gap = Math.nextUp(x + 2);
        assertEquals("", problem(join(cube(x, 4_000_000, 100, 2), cube(gap, 4_000_000.5, 100.5, 1))));
        // a corner of a second cube exactly on a face of the first
        assertTrue(problem(join(cube(0, 0, 0, 2), new Mesh(new double[] {2, 1, 1, 3, 0.5, 0.5, 3, 1.5, 0.5, 3, 1, 1.5},
                new int[] {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3}))).contains("intersect"));
    }

    @Test
    void pokedVertexIntersects() {
        Mesh m = cube(0, 0, 0, 1);
        double[] p = m.xyz();
        p[3 * 7] = -0.5; // corner (1,1,1) pushed through the x = 0 face
        assertTrue(problem(new Mesh(p, m.triangles())).contains("intersect"), problem(new Mesh(p, m.triangles())));
    }

    @Test
    void degenerateTriangleIsRefused() {
        Mesh m = cube(0, 0, 0, 1);
        double[] p = m.xyz();
        p[3 * 3] = 0.5;
        p[3 * 3 + 1] = 0.5; // corner 3 onto the diagonal 1-2 of the z = 0 face: triangle 1 is flat
        assertTrue(problem(new Mesh(p, m.triangles())).startsWith("triangle 1 (vertices 1, 2, 3) has no area"),
                problem(new Mesh(p, m.triangles())));
    }

    /** Seeded: a sphere moved and turned is a solid; with one vertex pushed through to the far side it is not. */
    @Test
    void randomlyPlacedSpheresAndPokedOnes() {
        long seed = Long.getLong("geoassure.seed", System.nanoTime());
        System.out.println("SolidCheckTest: seed " + seed + " (repeat with -Dgeoassure.seed=" + seed + ")");
        Random rnd = new Random(seed);
        for (int round = 0; round < 10; round++) {
            int stacks = 4 + rnd.nextInt(30);
            int slices = 3 + rnd.nextInt(40);
            Mesh s = sphere(0, 0, 0, 1 + rnd.nextDouble() * 500, stacks, slices);
            double[] p = s.xyz();
            double a = rnd.nextDouble() * 2 * Math.PI;
            double b = rnd.nextDouble() * Math.PI;
            double ox = rnd.nextDouble() * 4e7;
            double oy = rnd.nextDouble() * 5e6;
            double oz = rnd.nextDouble() * 2000 - 1000;
            for (int v = 0; v < s.vertexCount(); v++) {
                double x = p[3 * v];
                double y = p[3 * v + 1];
                double z = p[3 * v + 2];
                double x1 = x * Math.cos(a) - y * Math.sin(a);
                double y1 = x * Math.sin(a) + y * Math.cos(a);
                double y2 = y1 * Math.cos(b) - z * Math.sin(b);
                double z2 = y1 * Math.sin(b) + z * Math.cos(b);
                p[3 * v] = x1 + ox;
                p[3 * v + 1] = y2 + oy;
                p[3 * v + 2] = z2 + oz;
            }
            String where = "seed " + seed + ", round " + round + " (" + stacks + " x " + slices + ")";
            assertEquals("", problem(new Mesh(p, s.triangles())), where);
            // a ring vertex through the centre to 1.5 radii beyond: its fan crosses the far side
            int v = 2 + rnd.nextInt(s.vertexCount() - 2);
            double[] q = p.clone();
            for (int k = 0; k < 3; k++) {
                double c = k == 0 ? ox : k == 1 ? oy : oz;
                q[3 * v + k] = c - 1.5 * (p[3 * v + k] - c);
            }
            Optional<SolidCheck.Problem> found = SolidCheck.check(new Mesh(q, s.triangles()));
            assertTrue(found.isPresent() && found.get().reason().contains("intersect"), where + ": " + found);
        }
    }

    /** 180 000 triangles: the grid keeps the candidate pairs near linear (all pairs would be 1.6e10). */
    @Test
    void largeSphereIsCheckedQuickly() {
        Mesh s = sphere(39_500_000, 4_000_000, -400, 200, 300, 300);
        long t0 = System.nanoTime();
        assertEquals("", problem(s));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("SolidCheckTest: " + s.triangleCount() + " triangles checked in " + ms + " ms");
        assertTrue(ms < 60_000, ms + " ms");
    }
}
