package org.geoassure.geodb.hazard.internal;

/**
 * Closest points between 3D polylines given as packed segment lists (x0, y0, z0, x1, y1, z1 per segment; a point is a
 * segment of zero length). Segment-segment closest points after Ericson, <i>Real-Time Collision Detection</i> (2005),
 * §5.1.9, with the parameters clamped to the segments. Brute force over all segment pairs.
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
        double p1x = a[i];
        double p1y = a[i + 1];
        double p1z = a[i + 2];
        double d1x = a[i + 3] - p1x;
        double d1y = a[i + 4] - p1y;
        double d1z = a[i + 5] - p1z;
        double p2x = b[j];
        double p2y = b[j + 1];
        double p2z = b[j + 2];
        double d2x = b[j + 3] - p2x;
        double d2y = b[j + 4] - p2y;
        double d2z = b[j + 5] - p2z;
        double rx = p1x - p2x;
        double ry = p1y - p2y;
        double rz = p1z - p2z;
        double aa = d1x * d1x + d1y * d1y + d1z * d1z;
        double e = d2x * d2x + d2y * d2y + d2z * d2z;
        double f = d2x * rx + d2y * ry + d2z * rz;
        double s;
        double t;
        if (aa == 0 && e == 0) {
            s = 0;
            t = 0;
        } else if (aa == 0) {
            s = 0;
            t = clamp(f / e);
        } else {
            double c = d1x * rx + d1y * ry + d1z * rz;
            if (e == 0) {
                t = 0;
                s = clamp(-c / aa);
            } else {
                double bb = d1x * d2x + d1y * d2y + d1z * d2z;
                double denom = aa * e - bb * bb;
                s = denom > 0 ? clamp((bb * f - c * e) / denom) : 0;
                t = (bb * s + f) / e;
                if (t < 0) {
                    t = 0;
                    s = clamp(-c / aa);
                } else if (t > 1) {
                    t = 1;
                    s = clamp((bb - c) / aa);
                }
            }
        }
        out[0] = p1x + d1x * s;
        out[1] = p1y + d1y * s;
        out[2] = p1z + d1z * s;
        out[3] = p2x + d2x * t;
        out[4] = p2y + d2y * t;
        out[5] = p2z + d2z * t;
        double dx = out[0] - out[3];
        double dy = out[1] - out[4];
        double dz = out[2] - out[5];
        return dx * dx + dy * dy + dz * dz;
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
