package org.geoassure.render.mesh;

import java.util.Arrays;
import org.geoassure.render.RenderOrigin;

/**
 * Closed tubes around polylines, e.g. drillhole intervals (from -> mid -> to) or whole traces. Each polyline becomes
 * one feature: a ring of {@code sides} vertices at every point, oriented by a frame carried along the line without
 * twist (parallel transport), joined by quads, closed by a flat cap at each end, so every tube is a closed,
 * outward-oriented surface (for a straight tube its volume is exactly the prism's: n/2 r^2 sin(2 pi / n) L).
 * Positions are computed in world doubles and rebased to the origin only when stored as float.
 */
public final class Tubes {
    private final RenderOrigin origin;
    private final double radius;
    private final int sides;
    private float[] pos = new float[3 * 256];
    private float[] nrm = new float[3 * 256];
    private byte[] col = new byte[4 * 256];
    private int[] fid = new int[256];
    private int[] idx = new int[1024];
    private int vertices;
    private int indexCount;

    /**
     * @param origin the mesh's local origin
     * @param radius tube radius in metres (> 0)
     * @param sides vertices per ring (3..64)
     */
    public Tubes(RenderOrigin origin, double radius, int sides) {
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("radius must be a positive number, got " + radius);
        }
        if (sides < 3 || sides > 64) {
            throw new IllegalArgumentException("sides must be 3..64, got " + sides);
        }
        this.origin = origin;
        this.radius = radius;
        this.sides = sides;
    }

    /**
     * Adds a tube around {@code n} points {@code xyz} (world coordinates) as feature {@code feature} in colour
     * {@code rgba}. Repeated points are dropped; a polyline that collapses to one point adds nothing.
     *
     * @return whether a tube was added
     */
    public boolean add(double[] xyz, int n, int feature, int rgba) {
        double[] p = distinct(xyz, n);
        int m = p.length / 3;
        if (m < 2) {
            return false;
        }
        double[][] tangent = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] a = i > 0 ? unit(p, i - 1, i) : null;
            double[] b = i < m - 1 ? unit(p, i, i + 1) : null;
            tangent[i] = a == null ? b : b == null ? a : normalize(a[0] + b[0], a[1] + b[1], a[2] + b[2], b);
        }
        // initial normal: perpendicular to the first tangent, in the plane of the tangent and up (or east if vertical)
        double[] t0 = tangent[0];
        double[] ref = Math.abs(t0[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
        double[] normal = normalize(cross(cross(t0, ref), t0));
        int first = vertices;
        for (int i = 0; i < m; i++) {
            if (i > 0) {
                // parallel transport: remove the new tangent's component and renormalise
                double[] t = tangent[i];
                double d = dot(normal, t);
                normal = normalize(normal[0] - d * t[0], normal[1] - d * t[1], normal[2] - d * t[2], normal);
            }
            double[] binormal = cross(tangent[i], normal);
            // at a bend the ring lies in the miter plane (normal to the averaged tangent): stretched by 1 / cos(half the
            // bend angle) along the bend's direction u, so both legs keep their radius
            double[] u = null;
            double stretch = 1;
            if (i > 0 && i < m - 1) {
                double[] a = unit(p, i - 1, i);
                double[] b = unit(p, i, i + 1);
                u = normalize(b[0] - a[0], b[1] - a[1], b[2] - a[2], null);
                stretch = 1 / Math.max(0.25, dot(tangent[i], b));
            }
            for (int k = 0; k < sides; k++) {
                double a = 2 * Math.PI * k / sides;
                double c = Math.cos(a);
                double s = Math.sin(a);
                double ox = c * normal[0] + s * binormal[0];
                double oy = c * normal[1] + s * binormal[1];
                double oz = c * normal[2] + s * binormal[2];
                double rx = ox;
                double ry = oy;
                double rz = oz;
                if (u != null) {
                    double along = (stretch - 1) * (ox * u[0] + oy * u[1] + oz * u[2]);
                    rx += along * u[0];
                    ry += along * u[1];
                    rz += along * u[2];
                }
                vertex(p[3 * i] + radius * rx, p[3 * i + 1] + radius * ry, p[3 * i + 2] + radius * rz, ox, oy, oz,
                        feature, rgba);
            }
        }
        for (int i = 0; i + 1 < m; i++) {
            for (int k = 0; k < sides; k++) {
                int a = first + i * sides + k;
                int b = first + i * sides + (k + 1) % sides;
                int c = a + sides;
                int d = b + sides;
                triangle(a, b, d);
                triangle(a, d, c);
            }
        }
        cap(p, 0, tangent[0], -1, first, feature, rgba);
        cap(p, m - 1, tangent[m - 1], 1, first + (m - 1) * sides, feature, rgba);
        return true;
    }

    /** A flat cap over the ring starting at vertex {@code ring}, facing {@code sign * tangent}. */
    private void cap(double[] p, int i, double[] tangent, int sign, int ring, int feature, int rgba) {
        double nx = sign * tangent[0];
        double ny = sign * tangent[1];
        double nz = sign * tangent[2];
        int center = vertices;
        vertex(p[3 * i], p[3 * i + 1], p[3 * i + 2], nx, ny, nz, feature, rgba);
        int rim = vertices;
        for (int k = 0; k < sides; k++) {
            int v = 3 * (ring + k);
            vertex(pos[v] + origin.x(), pos[v + 1] + origin.y(), pos[v + 2] + origin.z(), nx, ny, nz, feature, rgba);
        }
        for (int k = 0; k < sides; k++) {
            int a = rim + k;
            int b = rim + (k + 1) % sides;
            if (sign > 0) {
                triangle(center, a, b);
            } else {
                triangle(center, b, a);
            }
        }
    }

    /** The mesh built so far. */
    public TriangleMesh mesh() {
        return new TriangleMesh(origin, Arrays.copyOf(pos, 3 * vertices), Arrays.copyOf(nrm, 3 * vertices),
                Arrays.copyOf(col, 4 * vertices), Arrays.copyOf(fid, vertices), Arrays.copyOf(idx, indexCount));
    }

    private void vertex(double x, double y, double z, double nx, double ny, double nz, int feature, int rgba) {
        if (vertices == fid.length) {
            int capacity = 2 * fid.length;
            pos = Arrays.copyOf(pos, 3 * capacity);
            nrm = Arrays.copyOf(nrm, 3 * capacity);
            col = Arrays.copyOf(col, 4 * capacity);
            fid = Arrays.copyOf(fid, capacity);
        }
        int o = 3 * vertices;
        pos[o] = (float) (x - origin.x());
        pos[o + 1] = (float) (y - origin.y());
        pos[o + 2] = (float) (z - origin.z());
        nrm[o] = (float) nx;
        nrm[o + 1] = (float) ny;
        nrm[o + 2] = (float) nz;
        col[4 * vertices] = (byte) (rgba >>> 24);
        col[4 * vertices + 1] = (byte) (rgba >>> 16);
        col[4 * vertices + 2] = (byte) (rgba >>> 8);
        col[4 * vertices + 3] = (byte) rgba;
        fid[vertices] = feature;
        vertices++;
    }

    private void triangle(int a, int b, int c) {
        if (indexCount + 3 > idx.length) {
            idx = Arrays.copyOf(idx, 2 * idx.length);
        }
        idx[indexCount++] = a;
        idx[indexCount++] = b;
        idx[indexCount++] = c;
    }

    private static double[] distinct(double[] xyz, int n) {
        double[] out = new double[3 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && xyz[3 * i] == out[3 * m - 3] && xyz[3 * i + 1] == out[3 * m - 2] && xyz[3 * i + 2] == out[3 * m - 1]) {
                continue;
            }
            System.arraycopy(xyz, 3 * i, out, 3 * m, 3);
            m++;
        }
        return Arrays.copyOf(out, 3 * m);
    }

    private static double[] unit(double[] p, int i, int j) {
        return normalize(p[3 * j] - p[3 * i], p[3 * j + 1] - p[3 * i + 1], p[3 * j + 2] - p[3 * i + 2], null);
    }

    private static double[] normalize(double[] v) {
        return normalize(v[0], v[1], v[2], null);
    }

    /** (x, y, z) / |(x, y, z)|, or {@code fallback} when the length is 0 (a reversal). */
    private static double[] normalize(double x, double y, double z, double[] fallback) {
        double len = Math.sqrt(x * x + y * y + z * z);
        if (len == 0) {
            return fallback;
        }
        return new double[] {x / len, y / len, z / len};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
