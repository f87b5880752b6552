package org.geoassure.geodb.hazard.internal;

import org.geoassure.geodb.query.internal.Geometry3;

/**
 * Closest points between 3D polylines given as packed segment lists (x0, y0, z0, x1, y1, z1 per segment; a point is a
 * segment of zero length), segment pairs by {@link Geometry3#segmentSegment} (Ericson, <i>Real-Time Collision
 * Detection</i>, 5.1.9). Brute force over all segment pairs.
 */
public final class Distance3D {
    private Distance3D() {
    }

    /**
     * The least distance between any segment of {@code a} and any of {@code b}; {@code out} receives the closest
     * points (ax, ay, az, bx, by, bz).
     */
    public static double between(double[] a, double[] b, double[] out) {
        double best = Double.POSITIVE_INFINITY;
        double[] tmp = new double[6];
        for (int i = 0; i + 5 < a.length; i += 6) {
            for (int j = 0; j + 5 < b.length; j += 6) {
                double d2 = segSeg(a, i, b, j, tmp);
                if (d2 < best) {
                    best = d2;
                    System.arraycopy(tmp, 0, out, 0, 6);
                }
            }
        }
        return Math.sqrt(best);
    }

    /** Squared distance between segment a[i..i+5] and b[j..j+5]; closest points into out. */
    static double segSeg(double[] a, int i, double[] b, int j, double[] out) {
        double d = Geometry3.segmentSegment(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], b[j], b[j + 1],
                b[j + 2], b[j + 3], b[j + 4], b[j + 5], out);
        return d * d;
    }
}
