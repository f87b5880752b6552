package org.geoassure.geodb.query.internal;

import org.geoassure.geodb.query.Box3;

/**
 * Exact 3D tests in double on polylines and triangles stored as packed x,y,z triples. Internal: not for use outside geodb.
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
        return segmentSegment(p1x, p1y, p1z, q1x, q1y, q1z, p2x, p2y, p2z, q2x, q2y, q2z, null);
    }

    /**
     * As {@link #segmentSegmentDistance}, also giving the closest points: {@code out} (when not null) receives
     * x, y, z on the first segment then x, y, z on the second.
     */
    public static double segmentSegment(double p1x, double p1y, double p1z, double q1x, double q1y, double q1z,
            double p2x, double p2y, double p2z, double q2x, double q2y, double q2z, double[] out) {
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
        double ax = p1x + d1x * s, ay = p1y + d1y * s, az = p1z + d1z * s;
        double bx = p2x + d2x * t, by = p2y + d2y * t, bz = p2z + d2z * t;
        if (out != null) {
            out[0] = ax;
            out[1] = ay;
            out[2] = az;
            out[3] = bx;
            out[4] = by;
            out[5] = bz;
        }
        double cx = ax - bx;
        double cy = ay - by;
        double cz = az - bz;
        return Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /**
     * Distance from a point to the (filled) triangle a-b-c: the closest point by Voronoi regions (after Ericson,
     * Real-Time Collision Detection, 5.1.5); a degenerate triangle falls back to its edges.
     */
    public static double pointTriangleDistance(double px, double py, double pz, double[] t, int a, int b, int c) {
        double ax = t[a], ay = t[a + 1], az = t[a + 2];
        double abx = t[b] - ax, aby = t[b + 1] - ay, abz = t[b + 2] - az;
        double acx = t[c] - ax, acy = t[c + 1] - ay, acz = t[c + 2] - az;
        double nx = aby * acz - abz * acy, ny = abz * acx - abx * acz, nz = abx * acy - aby * acx;
        if (nx * nx + ny * ny + nz * nz == 0) {
            double[] edges = {ax, ay, az, t[b], t[b + 1], t[b + 2], t[c], t[c + 1], t[c + 2], ax, ay, az};
            return polylinePointDistance(edges, 4, px, py, pz);
        }
        double apx = px - ax, apy = py - ay, apz = pz - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        double qx, qy, qz;
        if (d1 <= 0 && d2 <= 0) {
            qx = ax; qy = ay; qz = az;
        } else {
            double bpx = px - t[b], bpy = py - t[b + 1], bpz = pz - t[b + 2];
            double d3 = abx * bpx + aby * bpy + abz * bpz;
            double d4 = acx * bpx + acy * bpy + acz * bpz;
            double cpx = px - t[c], cpy = py - t[c + 1], cpz = pz - t[c + 2];
            double d5 = abx * cpx + aby * cpy + abz * cpz;
            double d6 = acx * cpx + acy * cpy + acz * cpz;
            double vc = d1 * d4 - d3 * d2;
            double vb = d5 * d2 - d1 * d6;
            double va = d3 * d6 - d5 * d4;
            if (d3 >= 0 && d4 <= d3) {
                qx = t[b]; qy = t[b + 1]; qz = t[b + 2];
            } else if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                double v = d1 / (d1 - d3);
                qx = ax + v * abx; qy = ay + v * aby; qz = az + v * abz;
            } else if (d6 >= 0 && d5 <= d6) {
                qx = t[c]; qy = t[c + 1]; qz = t[c + 2];
            } else if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                double w = d2 / (d2 - d6);
                qx = ax + w * acx; qy = ay + w * acy; qz = az + w * acz;
            } else if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
                double w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
                qx = t[b] + w * (t[c] - t[b]); qy = t[b + 1] + w * (t[c + 1] - t[b + 1]);
                qz = t[b + 2] + w * (t[c + 2] - t[b + 2]);
            } else {
                double denom = 1 / (va + vb + vc);
                double v = vb * denom, w = vc * denom;
                qx = ax + abx * v + acx * w; qy = ay + aby * v + acy * w; qz = az + abz * v + acz * w;
            }
        }
        return Math.sqrt(sq(px - qx) + sq(py - qy) + sq(pz - qz));
    }

    /**
     * Distance from segment p-q to the (filled) triangle a-b-c: zero when the segment meets the triangle, else the
     * least of its end points' distances to the triangle and its distances to the three edges.
     */
    public static double segmentTriangleDistance(double px, double py, double pz, double qx, double qy, double qz,
            double[] t, int a, int b, int c) {
        if (segmentMeetsTriangle(px, py, pz, qx, qy, qz, t, a, b, c)) {
            return 0;
        }
        double d = Math.min(pointTriangleDistance(px, py, pz, t, a, b, c), pointTriangleDistance(qx, qy, qz, t, a, b, c));
        int[] corners = {a, b, c, a};
        for (int e = 0; e < 3; e++) {
            int u = corners[e], v = corners[e + 1];
            d = Math.min(d, segmentSegmentDistance(px, py, pz, qx, qy, qz, t[u], t[u + 1], t[u + 2], t[v], t[v + 1], t[v + 2]));
        }
        return d;
    }

    /** Whether segment p-q crosses the interior of triangle a-b-c (Moller-Trumbore, parameter in [0, 1]). */
    private static boolean segmentMeetsTriangle(double px, double py, double pz, double qx, double qy, double qz,
            double[] t, int a, int b, int c) {
        double dx = qx - px, dy = qy - py, dz = qz - pz;
        double e1x = t[b] - t[a], e1y = t[b + 1] - t[a + 1], e1z = t[b + 2] - t[a + 2];
        double e2x = t[c] - t[a], e2y = t[c + 1] - t[a + 1], e2z = t[c + 2] - t[a + 2];
        double hx = dy * e2z - dz * e2y, hy = dz * e2x - dx * e2z, hz = dx * e2y - dy * e2x;
        double det = e1x * hx + e1y * hy + e1z * hz;
        if (det == 0) {
            return false; // parallel or degenerate: the edge and end-point distances decide
        }
        double f = 1 / det;
        double sx = px - t[a], sy = py - t[a + 1], sz = pz - t[a + 2];
        double u = f * (sx * hx + sy * hy + sz * hz);
        if (u < 0 || u > 1) {
            return false;
        }
        double rx = sy * e1z - sz * e1y, ry = sz * e1x - sx * e1z, rz = sx * e1y - sy * e1x;
        double v = f * (dx * rx + dy * ry + dz * rz);
        if (v < 0 || u + v > 1) {
            return false;
        }
        double s = f * (e2x * rx + e2y * ry + e2z * rz);
        return s >= 0 && s <= 1;
    }

    /**
     * Whether the (filled) triangle a-b-c touches the closed box: the separating-axis test with the box's three
     * axes, the triangle's normal and the nine edge cross products (Akenine-Moller, "Fast 3D triangle-box overlap
     * testing", 2001).
     */
    public static boolean triangleIntersectsBox(double[] t, int a, int b, int c, Box3 box) {
        double cx = (box.minX() + box.maxX()) / 2, cy = (box.minY() + box.maxY()) / 2, cz = (box.minZ() + box.maxZ()) / 2;
        double hx = (box.maxX() - box.minX()) / 2, hy = (box.maxY() - box.minY()) / 2, hz = (box.maxZ() - box.minZ()) / 2;
        double[][] v = {
            {t[a] - cx, t[a + 1] - cy, t[a + 2] - cz},
            {t[b] - cx, t[b + 1] - cy, t[b + 2] - cz},
            {t[c] - cx, t[c + 1] - cy, t[c + 2] - cz}};
        double[] h = {hx, hy, hz};
        for (int k = 0; k < 3; k++) {
            double lo = Math.min(v[0][k], Math.min(v[1][k], v[2][k]));
            double hi = Math.max(v[0][k], Math.max(v[1][k], v[2][k]));
            if (lo > h[k] || hi < -h[k]) {
                return false;
            }
        }
        double[][] e = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] p = v[i], q = v[(i + 1) % 3];
            e[i] = new double[] {q[0] - p[0], q[1] - p[1], q[2] - p[2]};
        }
        double[] n = cross(e[0], e[1]);
        if (!separated(n, v, h)) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    double[] unit = new double[3];
                    unit[k] = 1;
                    if (separated(cross(unit, e[i]), v, h)) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }

    private static boolean separated(double[] axis, double[][] v, double[] h) {
        if (axis[0] == 0 && axis[1] == 0 && axis[2] == 0) {
            return false;
        }
        double p0 = dot(axis, v[0]), p1 = dot(axis, v[1]), p2 = dot(axis, v[2]);
        double r = h[0] * Math.abs(axis[0]) + h[1] * Math.abs(axis[1]) + h[2] * Math.abs(axis[2]);
        return Math.min(p0, Math.min(p1, p2)) > r || Math.max(p0, Math.max(p1, p2)) < -r;
    }

    private static double[] cross(double[] u, double[] w) {
        return new double[] {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
    }

    private static double dot(double[] u, double[] w) {
        return u[0] * w[0] + u[1] * w[1] + u[2] * w[2];
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double sq(double v) {
        return v * v;
    }
}
