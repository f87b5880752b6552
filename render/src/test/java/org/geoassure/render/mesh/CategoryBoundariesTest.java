package org.geoassure.render.mesh;

import static org.geoassure.render.mesh.IsosurfaceTest.area;
import static org.geoassure.render.mesh.IsosurfaceTest.assertClosedAndConsistent;
import static org.geoassure.render.mesh.IsosurfaceTest.signedVolume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.model.Mesh;
import org.junit.jupiter.api.Test;

/**
 * Category shells against boxes whose area and volume are known: closed (every edge in two triangles, each way once),
 * wound outward (volume positive and equal to the cell count), absent cells and the grid's edge closing the shells.
 */
class CategoryBoundariesTest {
    private static final int ABSENT = -1;

    /** A 4 x 3 x 2 box of cells split at i = 2: code 7 for i < 2, code 3 for the rest. */
    private static int[] splitBox() {
        int[] codes = new int[4 * 3 * 2];
        for (int p = 0; p < codes.length; p++) {
            codes[p] = p % 4 < 2 ? 7 : 3;
        }
        return codes;
    }

    @Test
    void aBoxSplitInTwoGivesTwoClosedBoxes() {
        Map<Integer, Mesh> shells = CategoryBoundaries.extract(splitBox(), 4, 3, 2, ABSENT);
        assertEquals(List.of(3, 7), List.copyOf(shells.keySet()), "ascending codes");
        for (Mesh m : shells.values()) {
            assertClosedAndConsistent(m);
            // each half is a 2 x 3 x 2 box: area 2 (2*3 + 2*2 + 3*2) = 32, volume 12
            assertEquals(32, area(m), 1e-9);
            assertEquals(12, signedVolume(m), 1e-9, "volume, positive: wound outward");
            assertEquals(2 * 32, m.triangleCount(), "two triangles per unit face");
            assertEquals(3 * 4 * 3 - 2, m.vertexCount(), "shared corners: a 3 x 4 x 3 lattice but its 2 inner points");
        }
        // the two shells meet on the plane between the halves, cell faces at i = 1.5 (cell i spans i -+ 0.5)
        assertEquals(-0.5, min(shells.get(7), 0));
        assertEquals(1.5, max(shells.get(7), 0));
        assertEquals(1.5, min(shells.get(3), 0));
        assertEquals(3.5, max(shells.get(3), 0));
    }

    @Test
    void anAbsentCellIsACavityAndAnAbsentLayerIsOutside() {
        int nx = 5;
        int[] codes = new int[nx * nx * nx];
        codes[2 + nx * (2 + nx * 2)] = ABSENT; // the centre cell: a cavity in category 0
        for (int p = 0; p < nx * nx; p++) {
            codes[p + nx * nx * 4] = ABSENT; // the top layer: outside
        }
        Mesh m = CategoryBoundaries.extract(codes, nx, nx, nx, ABSENT).get(0);
        assertClosedAndConsistent(m);
        // a 5 x 5 x 4 box (area 2 (25 + 20 + 20) = 130, volume 100) with a unit cavity (area 6, volume -1)
        assertEquals(130 + 6, area(m), 1e-9);
        assertEquals(100 - 1, signedVolume(m), 1e-9);
    }

    /** Each directed edge as often as its reverse: closed and consistently wound, manifold or not. */
    private static void assertPaired(Mesh m) {
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
            assertEquals(e.getValue(), directed.getOrDefault((b << 32) | a, 0), "edge " + a + "-" + b);
        }
    }

    @Test
    void cellsTouchingAlongAnEdgeAreStillClosed() {
        // two cells of code 1 on a diagonal of a 2 x 2 x 1 grid, code 2 on the other: pinched at the shared edge
        int[] codes = {1, 2, 2, 1};
        Map<Integer, Mesh> shells = CategoryBoundaries.extract(codes, 2, 2, 1, ABSENT);
        for (int code : new int[] {1, 2}) {
            Mesh m = shells.get(code);
            assertPaired(m);
            assertEquals(2 * 6 * 2, m.triangleCount(), "two unit cubes, six faces each");
            assertEquals(2, signedVolume(m), 1e-9);
            assertEquals(12, area(m), 1e-9);
        }
    }

    @Test
    void wrongSizesAreRefusedAndAllAbsentIsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> CategoryBoundaries.extract(new int[5], 2, 2, 1, ABSENT));
        assertEquals(Map.of(), CategoryBoundaries.extract(new int[] {ABSENT, ABSENT}, 2, 1, 1, ABSENT));
    }

    private static double min(Mesh m, int axis) {
        double v = Double.POSITIVE_INFINITY;
        for (int n = 0; n < m.vertexCount(); n++) {
            v = Math.min(v, m.coordinate(n, axis));
        }
        return v;
    }

    private static double max(Mesh m, int axis) {
        double v = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < m.vertexCount(); n++) {
            v = Math.max(v, m.coordinate(n, axis));
        }
        return v;
    }
}
