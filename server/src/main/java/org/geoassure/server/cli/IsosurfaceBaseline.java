package org.geoassure.server.cli;

import java.util.Arrays;
import org.geoassure.geodb.model.Mesh;

/**
 * The marching-tetrahedra isosurface that {@code render.mesh.Isosurface} used before issue 8's speed work (commit
 * 54c40bf), kept unchanged so that {@code bench --only isosurface} can time the old and the new extraction in the same
 * run. Not for use outside the benchmark.
 *
 * <p>The isosurface {@code value = level} of a scalar field sampled on a regular 3D grid, by marching tetrahedra: every
 * cube of eight neighbouring samples is cut into the same six tetrahedra around its main diagonal, so neighbouring
 * cubes cut their shared face along the same diagonal and the surface has no cracks; there is no ambiguous case to
 * resolve. A sample is inside when its value is above the level ({@code below} flips this); NaN samples and the
 * outside of the grid count as outside, so the surface is closed: every edge belongs to exactly two triangles.
 * Vertices lie on grid edges (and cube diagonals) by linear interpolation and are shared between the triangles that
 * meet there; triangles wind counter-clockwise seen from outside.
 *
 * <p>Coordinates are grid indices (sample (i, j, k) at (i, j, k)).
 */
final class IsosurfaceBaseline {
    /** Corners of the unit cube, bit 0 = i, bit 1 = j, bit 2 = k. */
    private static final int[][] CORNER = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1},
        {0, 1, 1}};
    /** Six tetrahedra around the diagonal 0-6 (corner numbers as in {@link #CORNER}). */
    private static final int[][] TETS = {{0, 5, 1, 6}, {0, 1, 2, 6}, {0, 2, 3, 6}, {0, 3, 7, 6}, {0, 7, 4, 6},
        {0, 4, 5, 6}};

    private IsosurfaceBaseline() {
    }

    /**
     * Extracts the surface.
     *
     * @param values samples, i fastest then j then k ({@code values[i + nx * (j + ny * k)]}); NaN is outside
     * @param level the iso-value
     * @param below whether inside is below the level instead of above
     * @return a mesh in grid-index coordinates (empty when nothing is inside)
     */
    static Mesh extract(double[] values, int nx, int ny, int nz, double level, boolean below) {
        if ((long) nx * ny * nz != values.length || nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException(values.length + " values for a " + nx + " x " + ny + " x " + nz + " grid");
        }
        // padded by one outside sample on every side, so the surface closes at the grid's edge: a padded copy of the
        // values (NaN as -inf, or +inf for below) and an inside flag per padded sample
        int px = nx + 2;
        int py = ny + 2;
        int pz = nz + 2;
        long padded = (long) px * py * pz;
        if (padded > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large for one isosurface: " + nx + " x " + ny + " x " + nz);
        }
        double outside = below ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        double[] pv = new double[(int) padded];
        byte[] pin = new byte[(int) padded];
        Arrays.fill(pv, outside);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int src = nx * (j + ny * k);
                int dst = 1 + px * ((j + 1) + py * (k + 1));
                for (int i = 0; i < nx; i++) {
                    double s = values[src + i];
                    if (!Double.isNaN(s)) {
                        pv[dst + i] = s;
                        pin[dst + i] = (byte) ((below ? s < level : s > level) ? 1 : 0);
                    }
                }
            }
        }
        int[] offset = new int[8];
        for (int c = 0; c < 8; c++) {
            offset[c] = CORNER[c][0] + px * (CORNER[c][1] + py * CORNER[c][2]);
        }
        Builder b = new Builder(pv, offset, level);
        for (int k = 0; k < pz - 1; k++) {
            for (int j = 0; j < py - 1; j++) {
                int row = px * (j + py * k);
                for (int i = 0; i < px - 1; i++) {
                    int base = row + i;
                    int inside = pin[base] + pin[base + offset[1]] + pin[base + offset[2]] + pin[base + offset[3]]
                            + pin[base + offset[4]] + pin[base + offset[5]] + pin[base + offset[6]]
                            + pin[base + offset[7]];
                    if (inside == 0 || inside == 8) {
                        continue;
                    }
                    int mask = 0;
                    for (int c = 0; c < 8; c++) {
                        mask |= pin[base + offset[c]] << c;
                    }
                    // padded (i, j, k) is grid (i - 1, j - 1, k - 1)
                    b.cube(base, mask, i - 1, j - 1, k - 1);
                }
            }
        }
        return b.mesh();
    }

    /** Vertices shared by edge (a pair of padded sample indices), triangles wound outwards. No allocation per cell. */
    private static final class Builder {
        private final double[] pv;
        private final int[] offset;
        private final double level;
        private double[] xyz = new double[3 * 1024];
        private int vertices;
        private int[] tri = new int[3 * 1024];
        private int triangles;
        private long[] keys = new long[1 << 12];
        private int[] slots = new int[1 << 12];
        private int used;
        private final int[] side = new int[4];
        private final int[] other = new int[4];
        private final int[] idx = new int[3];
        private final double[] mid = new double[9];
        private int base;
        private int ci;
        private int cj;
        private int ck;

        Builder(double[] pv, int[] offset, double level) {
            this.pv = pv;
            this.offset = offset;
            this.level = level;
            Arrays.fill(keys, -1);
        }

        /** The cube at padded index {@code base} (grid corner (i, j, k)) with inside flags {@code mask}. */
        void cube(int base, int mask, int i, int j, int k) {
            this.base = base;
            ci = i;
            cj = j;
            ck = k;
            for (int[] t : TETS) {
                tetrahedron(t, mask);
            }
        }

        private void tetrahedron(int[] t, int cubeMask) {
            int mask = 0;
            for (int c = 0; c < 4; c++) {
                mask |= ((cubeMask >> t[c]) & 1) << c;
            }
            int count = Integer.bitCount(mask);
            if (count == 0 || count == 4) {
                return;
            }
            boolean flip = count > 2;
            int m = flip ? ~mask & 15 : mask;
            int n = Integer.bitCount(m);
            int na = 0;
            int no = 0;
            for (int c = 0; c < 4; c++) {
                if ((m & (1 << c)) != 0) {
                    side[na++] = t[c];
                } else {
                    other[no++] = t[c];
                }
            }
            // outward: from the inside corner to the outside one, along the edge side[0]-other[0]
            int inC = flip ? other[0] : side[0];
            int outC = flip ? side[0] : other[0];
            if (n == 1) {
                emit(side[0], other[0], side[0], other[1], side[0], other[2], inC, outC);
            } else {
                emit(side[0], other[0], side[0], other[1], side[1], other[1], inC, outC);
                emit(side[0], other[0], side[1], other[1], side[1], other[0], inC, outC);
            }
        }

        /**
         * One triangle on three tetrahedron edges (a0-b0, a1-b1, a2-b2), wound so that its normal points from corner
         * inC to corner outC. The winding is decided on the edges' midpoints, not on the interpolated vertices, which
         * may coincide (a sample at the level, or next to the outside of the grid): a degenerate triangle is still
         * wound like its neighbours, so the surface stays consistently oriented.
         */
        private void emit(int a0, int b0, int a1, int b1, int a2, int b2, int inC, int outC) {
            idx[0] = vertex(a0, b0);
            idx[1] = vertex(a1, b1);
            idx[2] = vertex(a2, b2);
            for (int x = 0; x < 3; x++) {
                mid[x] = (CORNER[a0][x] + CORNER[b0][x]) * 0.5;
                mid[3 + x] = (CORNER[a1][x] + CORNER[b1][x]) * 0.5;
                mid[6 + x] = (CORNER[a2][x] + CORNER[b2][x]) * 0.5;
            }
            double ux = mid[3] - mid[0];
            double uy = mid[4] - mid[1];
            double uz = mid[5] - mid[2];
            double vx = mid[6] - mid[0];
            double vy = mid[7] - mid[1];
            double vz = mid[8] - mid[2];
            double d = (uy * vz - uz * vy) * (CORNER[outC][0] - CORNER[inC][0])
                    + (uz * vx - ux * vz) * (CORNER[outC][1] - CORNER[inC][1])
                    + (ux * vy - uy * vx) * (CORNER[outC][2] - CORNER[inC][2]);
            if (triangles * 3 + 3 > tri.length) {
                tri = Arrays.copyOf(tri, tri.length * 2);
            }
            tri[3 * triangles] = idx[0];
            tri[3 * triangles + 1] = d > 0 ? idx[1] : idx[2];
            tri[3 * triangles + 2] = d > 0 ? idx[2] : idx[1];
            triangles++;
        }

        /** The vertex on the edge between cube corners a and b. */
        private int vertex(int a, int b) {
            long pa = base + offset[a];
            long pb = base + offset[b];
            long key = (Math.min(pa, pb) << 32) | Math.max(pa, pb); // indices below 2^31: unique, non-negative
            int mask = keys.length - 1;
            int h = (int) (mix(key) & mask);
            while (keys[h] != -1) {
                if (keys[h] == key) {
                    return slots[h];
                }
                h = (h + 1) & mask;
            }
            double va = pv[(int) pa];
            double vb = pv[(int) pb];
            double t = Double.isInfinite(va) ? 1 : Double.isInfinite(vb) ? 0 : (level - va) / (vb - va);
            t = Math.max(0, Math.min(1, t));
            if (vertices * 3 + 3 > xyz.length) {
                xyz = Arrays.copyOf(xyz, xyz.length * 2);
            }
            xyz[3 * vertices] = ci + CORNER[a][0] + t * (CORNER[b][0] - CORNER[a][0]);
            xyz[3 * vertices + 1] = cj + CORNER[a][1] + t * (CORNER[b][1] - CORNER[a][1]);
            xyz[3 * vertices + 2] = ck + CORNER[a][2] + t * (CORNER[b][2] - CORNER[a][2]);
            keys[h] = key;
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
