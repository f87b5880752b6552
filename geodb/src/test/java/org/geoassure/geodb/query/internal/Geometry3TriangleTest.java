package org.geoassure.geodb.query.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.geoassure.geodb.query.Box3;
import org.junit.jupiter.api.Test;

/**
 * Triangle distances and box overlap against values worked by hand (the triangle is the right triangle (0,0,0),
 * (10,0,0), (0,10,0) in the plane z = 0; its hypotenuse lies on x + y = 10).
 */
class Geometry3TriangleTest {
    private static final double[] T = {0, 0, 0, 10, 0, 0, 0, 10, 0};

    private static double point(double x, double y, double z) {
        return Geometry3.pointTriangleDistance(x, y, z, T, 0, 3, 6);
    }

    @Test
    void pointAboveTheInteriorIsItsHeight() {
        assertEquals(5.0, point(2, 3, 5), 1e-12);
        assertEquals(0.0, point(2, 3, 0), 1e-12);
    }

    @Test
    void pointBeyondAnEdgeOrCornerIsTheDistanceToIt() {
        // beyond the hypotenuse: (10,10,0) is |10+10-10|/sqrt(2) = 7.0711 from x+y=10, foot (5,5) inside the edge
        assertEquals(10 / Math.sqrt(2), point(10, 10, 0), 1e-12);
        // beyond the corner (10,0,0): (13,-4,0) -> sqrt(9+16) = 5
        assertEquals(5.0, point(13, -4, 0), 1e-12);
        // below the edge y = 0 and off the plane: (5,-3,4) -> sqrt(9+16) = 5
        assertEquals(5.0, point(5, -3, 4), 1e-12);
        // behind corner a: (-3,-4,12) -> 13
        assertEquals(13.0, point(-3, -4, 12), 1e-12);
    }

    @Test
    void segmentThroughTheTriangleIsAtZeroAndBesideItAtTheEdgeDistance() {
        assertEquals(0.0, Geometry3.segmentTriangleDistance(2, 2, -5, 2, 2, 5, T, 0, 3, 6), 1e-12);
        // vertical segment over (2,2) from z=1 to z=5: nearest end is 1 above the interior
        assertEquals(1.0, Geometry3.segmentTriangleDistance(2, 2, 1, 2, 2, 5, T, 0, 3, 6), 1e-12);
        // segment parallel to the hypotenuse, 3 beyond it in plan at z = 4: sqrt(9+16) = 5
        double off = 3 / Math.sqrt(2);
        assertEquals(5.0, Geometry3.segmentTriangleDistance(10 + off, off, 4, off, 10 + off, 4, T, 0, 3, 6), 1e-9);
        // segment crossing over the edge y = 0 at height 2: nearest point is on the edge -> 2
        assertEquals(2.0, Geometry3.segmentTriangleDistance(5, -5, 2, 5, 5, 2, T, 0, 3, 6), 1e-12);
    }

    @Test
    void boxOverlapByTheSeparatingAxes() {
        assertTrue(Geometry3.triangleIntersectsBox(T, 0, 3, 6, new Box3(1, 1, -1, 2, 2, 1)), "box around the interior");
        assertFalse(Geometry3.triangleIntersectsBox(T, 0, 3, 6, new Box3(1, 1, 0.5, 2, 2, 1)), "box above the plane");
        // box near the hypotenuse corner (6..7, 6..7): x + y >= 12 > 10 everywhere, only the edge axis separates it
        assertFalse(Geometry3.triangleIntersectsBox(T, 0, 3, 6, new Box3(6, 6, -1, 7, 7, 1)));
        // box touching the hypotenuse at (5,5)
        assertTrue(Geometry3.triangleIntersectsBox(T, 0, 3, 6, new Box3(5, 5, -1, 7, 7, 1)));
        // box holding the whole triangle
        assertTrue(Geometry3.triangleIntersectsBox(T, 0, 3, 6, new Box3(-1, -1, -1, 11, 11, 1)));
        // a vertical triangle crossing a box it has no vertex in
        double[] v = {-10, 0.5, -10, 10, 0.5, -10, 0, 0.5, 10};
        assertTrue(Geometry3.triangleIntersectsBox(v, 0, 3, 6, new Box3(-1, 0, -1, 1, 1, 1)));
        assertFalse(Geometry3.triangleIntersectsBox(v, 0, 3, 6, new Box3(-1, 0.6, -1, 1, 1, 1)));
    }
}
