package org.geoassure.geodb.query.internal;

import org.geoassure.geodb.query.Box3;

/**
 * Exact 3D tests in double on polylines stored as packed x,y,z triples. Internal: not for use outside geodb.
 */
public final class Geometry3 {
    private Geometry3() {
    }

    /** Bounding box of {@code n} packed points. */
    public static Box3 bounds(double[] xyz, int n) {
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            minZ = Math.min(minZ, z);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            maxZ = Math.max(maxZ, z);
        }
        return new Box3(minX, minY, minZ, maxX, maxY, maxZ);
    }

    /** Whether any segment (or the single point, n == 1) of the polyline touches the closed box. */
    public static boolean polylineIntersectsBox(double[] p, int n, Box3 b) {
        if (n == 1) {
            return b.contains(p[0], p[1], p[2]);
        }
        for (int i = 0; i + 1 < n; i++) {
            if (segmentIntersectsBox(p[3 * i], p[3 * i + 1], p[3 * i + 2], p[3 * i + 3], p[3 * i + 4], p[3 * i + 5], b)) {
                return true;
            }
        }
        return false;
    }

    /** Slab test: does segment a-b touch the closed box? */
    public static boolean segmentIntersectsBox(double ax, double ay, double az, double bx, double by, double bz, Box3 box) {
        double t0 = 0, t1 = 1;
        double[] o = {ax, ay, az};
        double[] d = {bx - ax, by - ay, bz - az};
        double[] lo = {box.minX(), box.minY(), box.minZ()};
        double[] hi = {box.maxX(), box.maxY(), box.maxZ()};
        for (int k = 0; k < 3; k++) {
            if (d[k] == 0) {
                if (o[k] < lo[k] || o[k] > hi[k]) {
                    return false;
                }
            } else {
                double ta = (lo[k] - o[k]) / d[k];
                double tb = (hi[k] - o[k]) / d[k];
                if (ta > tb) {
                    double t = ta;
                    ta = tb;
                    tb = t;
                }
                t0 = Math.max(t0, ta);
                t1 = Math.min(t1, tb);
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Minimum 3D distance from a point to the solid box (0 inside or on it). */
    public static double pointBoxDistance(double x, double y, double z, Box3 b) {
        double dx = Math.max(0, Math.max(b.minX() - x, x - b.maxX()));
        double dy = Math.max(0, Math.max(b.minY() - y, y - b.maxY()));
        double dz = Math.max(0, Math.max(b.minZ() - z, z - b.maxZ()));
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Minimum 3D distance from a polyline to the solid box: 0 if they touch; else the least of each vertex's distance
     * to the box and each segment's distance to the box's 12 edges (a segment's nearest point to a convex box it
     * misses is a vertex, or it lies over a face, where it passes over an edge at the same height, or it is nearest
     * an edge).
     */
    public static double polylineBoxDistance(double[] p, int n, Box3 b) {
        if (polylineIntersectsBox(p, n, b)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            best = Math.min(best, pointBoxDistance(p[3 * i], p[3 * i + 1], p[3 * i + 2], b));
        }
        double[] xs = {b.minX(), b.maxX()};
        double[] ys = {b.minY(), b.maxY()};
        double[] zs = {b.minZ(), b.maxZ()};
        for (int i = 0; i + 1 < n; i++) {
            int o = 3 * i;
            for (double u : ys) {
                for (double v : zs) {
                    best = Math.min(best, segmentSegmentDistance(p[o], p[o + 1], p[o + 2], p[o + 3], p[o + 4], p[o + 5],
                            xs[0], u, v, xs[1], u, v));
                }
            }
            for (double u : xs) {
                for (double v : zs) {
                    best = Math.min(best, segmentSegmentDistance(p[o], p[o + 1], p[o + 2], p[o + 3], p[o + 4], p[o + 5],
                            u, ys[0], v, u, ys[1], v));
                }
            }
            for (double u : xs) {
                for (double v : ys) {
                    best = Math.min(best, segmentSegmentDistance(p[o], p[o + 1], p[o + 2], p[o + 3], p[o + 4], p[o + 5],
                            u, v, zs[0], u, v, zs[1]));
                }
            }
        }
        return best;
    }

    /** Minimum 3D distance from a point to a polyline. */
    public static double polylinePointDistance(double[] p, int n, double x, double y, double z) {
        if (n == 1) {
            return Math.sqrt(sq(p[0] - x) + sq(p[1] - y) + sq(p[2] - z));
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < n; i++) {
            best = Math.min(best, Math.sqrt(segmentPointDistanceSq(p, 3 * i, x, y, z)));
        }
        return best;
    }

    /** Minimum 3D distance between two polylines. */
    public static double polylinePolylineDistance(double[] p, int n, double[] q, int m) {
        double best = Double.POSITIVE_INFINITY;
        int sp = Math.max(1, n - 1), sq = Math.max(1, m - 1);
        for (int i = 0; i < sp; i++) {
            int ia = 3 * i, ib = n == 1 ? ia : ia + 3;
            for (int j = 0; j < sq; j++) {
                int ja = 3 * j, jb = m == 1 ? ja : ja + 3;
                best = Math.min(best, segmentSegmentDistance(
                        p[ia], p[ia + 1], p[ia + 2], p[ib], p[ib + 1], p[ib + 2],
                        q[ja], q[ja + 1], q[ja + 2], q[jb], q[jb + 1], q[jb + 2]));
            }
        }
        return best;
    }

    private static double segmentPointDistanceSq(double[] p, int o, double x, double y, double z) {
        double ax = p[o], ay = p[o + 1], az = p[o + 2];
        double dx = p[o + 3] - ax, dy = p[o + 4] - ay, dz = p[o + 5] - az;
        double len2 = dx * dx + dy * dy + dz * dz;
        double t = len2 == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy + (z - az) * dz) / len2;
        t = Math.max(0, Math.min(1, t));
        return sq(ax + t * dx - x) + sq(ay + t * dy - y) + sq(az + t * dz - z);
    }

    /**
     * Minimum distance between segments p1-q1 and p2-q2 (closest points by clamped parameters, after Ericson,
     * Real-Time Collision Detection, 5.1.9), degenerate segments included.
     */
    public static double segmentSegmentDistance(double p1x, double p1y, double p1z, double q1x, double q1y, double q1z,
            double p2x, double p2y, double p2z, double q2x, double q2y, double q2z) {
        double d1x = q1x - p1x, d1y = q1y - p1y, d1z = q1z - p1z;
        double d2x = q2x - p2x, d2y = q2y - p2y, d2z = q2z - p2z;
        double rx = p1x - p2x, ry = p1y - p2y, rz = p1z - p2z;
        double a = d1x * d1x + d1y * d1y + d1z * d1z;
        double e = d2x * d2x + d2y * d2y + d2z * d2z;
        double f = d2x * rx + d2y * ry + d2z * rz;
        double s;
        double t;
        if (a == 0 && e == 0) {
            s = 0;
            t = 0;
        } else if (a == 0) {
            s = 0;
            t = clamp(f / e);
        } else {
            double c = d1x * rx + d1y * ry + d1z * rz;
            if (e == 0) {
                t = 0;
                s = clamp(-c / a);
            } else {
                double b = d1x * d2x + d1y * d2y + d1z * d2z;
                double denom = a * e - b * b;
                s = denom > 0 ? clamp((b * f - c * e) / denom) : 0;
                t = (b * s + f) / e;
                if (t < 0) {
                    t = 0;
                    s = clamp(-c / a);
                } else if (t > 1) {
                    t = 1;
                    s = clamp((b - c) / a);
                }
            }
        }
        double cx = p1x + d1x * s - (p2x + d2x * t);
        double cy = p1y + d1y * s - (p2y + d2y * t);
        double cz = p1z + d1z * s - (p2z + d2z * t);
        return Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double sq(double v) {
        return v * v;
    }
}
