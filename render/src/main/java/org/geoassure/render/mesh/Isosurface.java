package org.geoassure.render.mesh;

import java.util.Arrays;
import org.geoassure.geodb.model.Mesh;

/**
 * The isosurface {@code value = level} of a scalar field sampled on a regular 3D grid, by marching tetrahedra: every
 * cube of eight neighbouring samples is cut into the same six tetrahedra around its main diagonal, so neighbouring
 * cubes cut their shared face along the same diagonal and the surface has no cracks; there is no ambiguous case to
 * resolve. A sample is inside when its value is above the level ({@code below} flips this); NaN samples and the
 * outside of the grid count as outside, so the surface is closed: every edge belongs to exactly two triangles.
 * Vertices lie on grid edges (and cube diagonals) by linear interpolation and are shared between the triangles that
 * meet there; triangles wind counter-clockwise seen from outside.
 *
 * <p>Coordinates are grid indices (sample (i, j, k) at (i, j, k)); {@link #toWorld} places them.
 */
public final class Isosurface {
    /** Corners of the unit cube, bit 0 = i, bit 1 = j, bit 2 = k. */
    private static final int[][] CORNER = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1},
        {0, 1, 1}};
    /** Six tetrahedra around the diagonal 0-6 (corner numbers as in {@link #CORNER}). */
    private static final int[][] TETS = {{0, 5, 1, 6}, {0, 1, 2, 6}, {0, 2, 3, 6}, {0, 3, 7, 6}, {0, 7, 4, 6},
        {0, 4, 5, 6}};

    private Isosurface() {
    }

    /**
     * Extracts the surface.
     *
     * @param values samples, i fastest then j then k ({@code values[i + nx * (j + ny * k)]}); NaN is outside
     * @param level the iso-value
     * @param below whether inside is below the level instead of above
     * @return a mesh in grid-index coordinates (empty when nothing is inside)
     */
    public static Mesh extract(double[] values, int nx, int ny, int nz, double level, boolean below) {
        if ((long) nx * ny * nz != values.length || nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException(values.length + " values for a " + nx + " x " + ny + " x " + nz + " grid");
        }
        // padded by one outside sample on every side, so the surface closes at the grid's edge
        int px = nx + 2;
        int py = ny + 2;
        Builder b = new Builder();
        double[] v = new double[8];
        boolean[] in = new boolean[8];
        long[] id = new long[8];
        for (int k = -1; k < nz; k++) {
            for (int j = -1; j < ny; j++) {
                for (int i = -1; i < nx; i++) {
                    int inside = 0;
                    for (int c = 0; c < 8; c++) {
                        int ci = i + CORNER[c][0];
                        int cj = j + CORNER[c][1];
                        int ck = k + CORNER[c][2];
                        double s = ci < 0 || cj < 0 || ck < 0 || ci >= nx || cj >= ny || ck >= nz ? Double.NaN
                                : values[ci + nx * (cj + ny * ck)];
                        in[c] = !Double.isNaN(s) && (below ? s < level : s > level);
                        v[c] = Double.isNaN(s) ? (below ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : s;
                        id[c] = (ci + 1) + (long) px * ((cj + 1) + (long) py * (ck + 1));
                        inside += in[c] ? 1 : 0;
                    }
                    if (inside == 0 || inside == 8) {
                        continue;
                    }
                    for (int[] t : TETS) {
                        b.tetrahedron(t, i, j, k, v, in, id, level);
                    }
                }
            }
        }
        return b.mesh();
    }

    /**
     * The mesh moved from grid indices to world coordinates: sample (i, j, k) is at
     * {@code origin + R(rotation) * ((i + ½) dx, (j + ½) dy) , originZ + (k + ½) dz} (a block model's cell centroids).
     */
    public static Mesh toWorld(Mesh grid, double originX, double originY, double originZ, double rotationDegrees,
            double dx, double dy, double dz) {
        double r = Math.toRadians(rotationDegrees);
        double c = Math.cos(r);
        double s = Math.sin(r);
        double[] g = grid.xyz();
        double[] w = new double[g.length];
        for (int p = 0; p < g.length; p += 3) {
            double u = (g[p] + 0.5) * dx;
            double v = (g[p + 1] + 0.5) * dy;
            w[p] = originX + c * u - s * v;
            w[p + 1] = originY + s * u + c * v;
            w[p + 2] = originZ + (g[p + 2] + 0.5) * dz;
        }
        return new Mesh(w, grid.triangles());
    }

    /** Vertices shared by edge (a pair of padded sample ids), triangles wound outwards. */
    private static final class Builder {
        private double[] xyz = new double[3 * 1024];
        private int vertices;
        private int[] tri = new int[3 * 1024];
        private int triangles;
        private long[] keys = new long[1 << 12];
        private int[] slots = new int[1 << 12];
        private int used;

        Builder() {
            Arrays.fill(keys, -1);
        }

        void tetrahedron(int[] t, int i, int j, int k, double[] v, boolean[] in, long[] id, double level) {
            int mask = 0;
            for (int c = 0; c < 4; c++) {
                mask |= in[t[c]] ? 1 << c : 0;
            }
            int count = Integer.bitCount(mask);
            if (count == 0 || count == 4) {
                return;
            }
            boolean flip = count > 2;
            int m = flip ? ~mask & 15 : mask;
            int n = Integer.bitCount(m);
            // corners on the "m" side and the others
            int[] a = new int[n];
            int[] o = new int[4 - n];
            int na = 0;
            int no = 0;
            for (int c = 0; c < 4; c++) {
                if ((m & (1 << c)) != 0) {
                    a[na++] = t[c];
                } else {
                    o[no++] = t[c];
                }
            }
            double[] inOut = insideCorner(flip, a[0], o[0], i, j, k);
            if (n == 1) {
                int[][] e = {{a[0], o[0]}, {a[0], o[1]}, {a[0], o[2]}};
                emit(e, i, j, k, v, id, level, inOut);
            } else {
                int[][] e1 = {{a[0], o[0]}, {a[0], o[1]}, {a[1], o[1]}};
                int[][] e2 = {{a[0], o[0]}, {a[1], o[1]}, {a[1], o[0]}};
                emit(e1, i, j, k, v, id, level, inOut);
                emit(e2, i, j, k, v, id, level, inOut);
            }
        }

        /**
         * One triangle on three tetrahedron edges, wound so that its normal points from the inside corner to the outside
         * one. The winding is decided on the edges' midpoints, not on the interpolated vertices, which may coincide
         * (a sample at the level, or next to the outside of the grid): a degenerate triangle is still wound like its
         * neighbours, so the surface stays consistently oriented.
         */
        private void emit(int[][] edges, int i, int j, int k, double[] v, long[] id, double level, double[] inOut) {
            double[][] mid = new double[3][3];
            int[] idx = new int[3];
            for (int e = 0; e < 3; e++) {
                idx[e] = vertex(edges[e][0], edges[e][1], i, j, k, v, id, level);
                for (int x = 0; x < 3; x++) {
                    mid[e][x] = (CORNER[edges[e][0]][x] + CORNER[edges[e][1]][x]) / 2.0;
                }
            }
            double ux = mid[1][0] - mid[0][0];
            double uy = mid[1][1] - mid[0][1];
            double uz = mid[1][2] - mid[0][2];
            double vx = mid[2][0] - mid[0][0];
            double vy = mid[2][1] - mid[0][1];
            double vz = mid[2][2] - mid[0][2];
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            double d = nx * (inOut[3] - inOut[0]) + ny * (inOut[4] - inOut[1]) + nz * (inOut[5] - inOut[2]);
            if (triangles * 3 + 3 > tri.length) {
                tri = Arrays.copyOf(tri, tri.length * 2);
            }
            tri[3 * triangles] = idx[0];
            tri[3 * triangles + 1] = d > 0 ? idx[1] : idx[2];
            tri[3 * triangles + 2] = d > 0 ? idx[2] : idx[1];
            triangles++;
        }

        /** Two points, inside then outside, along which "outward" runs: from the inside corner to the outside one. */
        private static double[] insideCorner(boolean flip, int a, int o, int i, int j, int k) {
            int inC = flip ? o : a;
            int outC = flip ? a : o;
            return new double[] {i + CORNER[inC][0], j + CORNER[inC][1], k + CORNER[inC][2], i + CORNER[outC][0],
                j + CORNER[outC][1], k + CORNER[outC][2]};
        }

        /** The vertex on the edge between corners a (one side) and b (the other) of cube (i, j, k). */
        private int vertex(int a, int b, int i, int j, int k, double[] v, long[] id, double level) {
            long lo = Math.min(id[a], id[b]);
            long hi = Math.max(id[a], id[b]);
            long exactKey = (lo << 32) ^ hi; // ids are below 2^32: unique and non-negative (-1 marks an empty slot)
            int mask = keys.length - 1;
            int h = (int) (mix(exactKey) & mask);
            while (keys[h] != -1) {
                if (keys[h] == exactKey) {
                    return slots[h];
                }
                h = (h + 1) & mask;
            }
            double va = v[a];
            double vb = v[b];
            double t = Double.isInfinite(va) ? 1 : Double.isInfinite(vb) ? 0 : (level - va) / (vb - va);
            t = Math.max(0, Math.min(1, t));
            if (vertices * 3 + 3 > xyz.length) {
                xyz = Arrays.copyOf(xyz, xyz.length * 2);
            }
            for (int x = 0; x < 3; x++) {
                double pa = (x == 0 ? i : x == 1 ? j : k) + CORNER[a][x];
                double pb = (x == 0 ? i : x == 1 ? j : k) + CORNER[b][x];
                xyz[3 * vertices + x] = pa + t * (pb - pa);
            }
            keys[h] = exactKey;
            slots[h] = vertices;
            if (++used * 2 > keys.length) {
                grow();
            }
            return vertices++;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            return x;
        }

        private void grow() {
            long[] ok = keys;
            int[] os = slots;
            keys = new long[ok.length * 2];
            slots = new int[ok.length * 2];
            Arrays.fill(keys, -1);
            int mask = keys.length - 1;
            for (int s = 0; s < ok.length; s++) {
                if (ok[s] != -1) {
                    int h = (int) (mix(ok[s]) & mask);
                    while (keys[h] != -1) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = ok[s];
                    slots[h] = os[s];
                }
            }
        }

        Mesh mesh() {
            return new Mesh(Arrays.copyOf(xyz, 3 * vertices), Arrays.copyOf(tri, 3 * triangles));
        }
    }
}
