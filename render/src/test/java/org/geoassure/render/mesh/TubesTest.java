package org.geoassure.render.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.render.RenderOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tube meshes against analytic values: a straight tube with n sides and radius r is a prism of volume
 * n/2 r^2 sin(2 pi / n) L (divergence theorem on the closed mesh); every tube is closed and outward.
 */
class TubesTest {
    static final RenderOrigin ORIGIN = new RenderOrigin(500_000, 6_800_000, 300);

    @ParameterizedTest
    @ValueSource(ints = {3, 8, 16})
    void straightTubeIsAClosedPrism(int sides) {
        Tubes t = new Tubes(ORIGIN, 0.5, sides);
        // 40 m down a hole dipping 60 degrees to the east, through a mid point
        double l = 40;
        double dx = l * Math.cos(Math.toRadians(60));
        double dz = -l * Math.sin(Math.toRadians(60));
        assertTrue(t.add(new double[] {500_010, 6_800_020, 290, 500_010 + dx / 2, 6_800_020, 290 + dz / 2,
            500_010 + dx, 6_800_020, 290 + dz}, 3, 0, 0xFF0000FF));
        TriangleMesh m = t.mesh();
        double expected = sides / 2.0 * 0.25 * Math.sin(2 * Math.PI / sides) * l;
        assertEquals(expected, volume(m), expected * 1e-5);
        assertClosedAndNonDegenerate(m);
        for (int i = 0; i < m.vertexCount(); i++) {
            float[] n = m.normals();
            assertEquals(1, Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]), 1e-6);
        }
    }

    @Test
    void bentTubeIsClosedAndOutward() {
        Tubes t = new Tubes(ORIGIN, 1.0, 8);
        // a 90 degree bend at the mid point: down 10 m, then east 10 m
        assertTrue(t.add(new double[] {500_000, 6_800_000, 300, 500_000, 6_800_000, 290, 500_010, 6_800_000, 290}, 3, 7,
                0x00FF00FF));
        TriangleMesh m = t.mesh();
        assertClosedAndNonDegenerate(m);
        // mitered at the bend, the two legs are prisms of 10 m each along the axis: 8/2 r^2 sin(2 pi / 8) 20; the
        // ring at the bend is the miter section up to its polygon's phase, so allow 3 %
        double prism = 4 * Math.sin(2 * Math.PI / 8) * 20;
        assertEquals(prism, volume(m), 0.03 * prism);
        for (int f : m.featureIds()) {
            assertEquals(7, f);
        }
    }

    @Test
    void verticalHolesAndZeroLengthIntervals() {
        Tubes t = new Tubes(ORIGIN, 0.5, 6);
        assertTrue(t.add(new double[] {500_000, 6_800_000, 300, 500_000, 6_800_000, 250}, 2, 0, 0xFFFFFFFF));
        assertFalse(t.add(new double[] {500_000, 6_800_000, 300, 500_000, 6_800_000, 300}, 2, 1, 0xFFFFFFFF));
        assertClosedAndNonDegenerate(t.mesh());
    }

    @Test
    void positionsKeepMillimetresFarFromTheFalseOrigin() {
        // float32 offsets from a local origin: vertices land within 1 mm of their world positions
        Tubes t = new Tubes(ORIGIN, 0.5, 4);
        t.add(new double[] {500_123.4567, 6_801_234.5678, 123.4567, 500_123.4567, 6_801_234.5678, 23.4567}, 2, 0, -1);
        TriangleMesh m = t.mesh();
        float[] p = m.positions();
        for (int i = 0; i < m.vertexCount(); i++) {
            double wx = p[3 * i] + ORIGIN.x();
            double wy = p[3 * i + 1] + ORIGIN.y();
            double r = Math.hypot(wx - 500_123.4567, wy - 6_801_234.5678);
            assertTrue(r < 1e-3 || Math.abs(r - 0.5) < 1e-3, "vertex " + i + " at " + r + " m from the axis");
        }
    }

    /** Signed volume of a closed mesh (divergence theorem); positive when triangles face outward. */
    static double volume(TriangleMesh m) {
        float[] p = m.positions();
        int[] ix = m.indices();
        double v = 0;
        for (int t = 0; t < ix.length; t += 3) {
            double[] a = pt(p, ix[t]);
            double[] b = pt(p, ix[t + 1]);
            double[] c = pt(p, ix[t + 2]);
            v += a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
        }
        return v / 6;
    }

    /** Welds vertices by position and checks every edge is used by exactly two triangles, in opposite directions. */
    static void assertClosedAndNonDegenerate(TriangleMesh m) {
        float[] p = m.positions();
        Map<List<Float>, Integer> weld = new HashMap<>();
        int[] id = new int[m.vertexCount()];
        for (int i = 0; i < id.length; i++) {
            id[i] = weld.computeIfAbsent(List.of(p[3 * i], p[3 * i + 1], p[3 * i + 2]), k -> weld.size());
        }
        Map<Long, Integer> directed = new HashMap<>();
        int[] ix = m.indices();
        for (int t = 0; t < ix.length; t += 3) {
            double[] a = pt(p, ix[t]);
            double[] b = pt(p, ix[t + 1]);
            double[] c = pt(p, ix[t + 2]);
            double[] u = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
            double[] w = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
            double area = Math.sqrt(Math.pow(u[1] * w[2] - u[2] * w[1], 2) + Math.pow(u[2] * w[0] - u[0] * w[2], 2)
                    + Math.pow(u[0] * w[1] - u[1] * w[0], 2)) / 2;
            assertTrue(area > 1e-6, "degenerate triangle " + t / 3);
            for (int k = 0; k < 3; k++) {
                long e = (long) id[ix[t + k]] << 32 | id[ix[t + (k + 1) % 3]];
                directed.merge(e, 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> e : directed.entrySet()) {
            assertEquals(1, e.getValue(), "edge used twice in the same direction");
            long reverse = (e.getKey() & 0xFFFFFFFFL) << 32 | e.getKey() >>> 32;
            assertEquals(1, directed.getOrDefault(reverse, 0), "open edge: the mesh is not closed");
        }
    }

    private static double[] pt(float[] p, int i) {
        return new double[] {p[3 * i], p[3 * i + 1], p[3 * i + 2]};
    }
}
