package org.geoassure.geodb.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.Test;

/** GSLIB's setrot convention (Deutsch &amp; Journel 1998, fig. II.4): the major axis' direction for given angles. */
class EllipsoidTest {

    @Test
    void azimuthIsClockwiseFromNorth() {
        assertArrayEquals(new double[] {0, 1, 0}, major(0, 0, 0), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0}, major(90, 0, 0), 1e-15);
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {r, r, 0}, major(45, 0, 0), 1e-15);
    }

    @Test
    void negativeDipPointsDown() {
        double r = Math.sqrt(0.5);
        assertArrayEquals(new double[] {r, 0, -r}, major(90, -45, 0), 1e-15);
        assertArrayEquals(new double[] {0, 0, -1}, major(0, -90, 0), 1e-15);
    }

    @Test
    void rotationIsOrthonormalAndRakeTurnsAboutTheMajorAxis() {
        double[] m = new Ellipsoid(30, -20, 40, 1, 1, 1).rotation();
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = m[3 * a] * m[3 * b] + m[3 * a + 1] * m[3 * b + 1] + m[3 * a + 2] * m[3 * b + 2];
                assertEquals(a == b ? 1 : 0, dot, 1e-15);
            }
        }
        assertArrayEquals(major(30, -20, 0), major(30, -20, 40), 1e-15);
        // rake 90 with azimuth 0, dip 0: the minor axis becomes horizontal (east-west)
        double[] r90 = new Ellipsoid(0, 0, 90, 1, 1, 1).rotation();
        assertEquals(0, r90[8], 1e-15);
        assertEquals(1, Math.abs(r90[6]), 1e-15);
    }

    @Test
    void reducedDistanceIsOneOnEachSemiAxis() {
        Ellipsoid e = new Ellipsoid(90, 0, 0, 100, 50, 10);
        assertEquals(1, e.reducedDistance(100, 0, 0), 1e-14); // major along east
        assertEquals(1, e.reducedDistance(0, 50, 0), 1e-14); // semi along north
        assertEquals(1, e.reducedDistance(0, 0, 10), 1e-14); // minor vertical
        assertEquals(Math.sqrt(2), e.reducedDistance(100, 50, 0), 1e-14);
    }

    @Test
    void badLengthsAndDipAreRejectedNamingTheField() {
        assertEquals(true, assertThrows(InvalidContentException.class,
                () -> new Ellipsoid(0, 0, 0, 1, 0, 1)).getMessage().startsWith("semi"));
        assertEquals(true, assertThrows(InvalidContentException.class,
                () -> new Ellipsoid(0, 95, 0, 1, 1, 1)).getMessage().startsWith("dip"));
    }

    private static double[] major(double az, double dip, double rake) {
        double[] m = new Ellipsoid(az, dip, rake, 1, 1, 1).rotation();
        return new double[] {m[0], m[1], m[2]};
    }
}
