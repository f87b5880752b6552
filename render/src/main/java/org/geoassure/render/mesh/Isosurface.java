package org.geoassure.render.mesh;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.geoassure.geodb.model.Mesh;

/**
 * The isosurface {@code value = level} of a scalar field sampled on a regular 3D grid, by marching cubes with a
 * topologically consistent case table. A sample is inside when its value is above the level ({@code below} flips
 * this); NaN samples and the outside of the grid count as outside, so the surface is closed: every edge belongs to
 * exactly two triangles, once in each direction. Vertices lie on grid edges by linear interpolation (on an edge
 * between an inside sample and a NaN or out-of-grid one, at the inside sample) and are shared between the triangles
 * that meet there; triangles wind counter-clockwise seen from outside.
 *
 * <p>Coordinates are grid indices (sample (i, j, k) at (i, j, k)); {@link #toWorld} places them.
 *
 * <h2>Why it is closed</h2>
 * The case table is not written by hand but derived, once, from one rule on the cube's faces: on each face the
 * inside corners are cut off by segments between the cut edges, and where a face is ambiguous (two inside corners on
 * a diagonal) the two inside corners are cut off separately. The rule depends only on the four corners of the face,
 * so the two cubes that share a face draw the same segments on it, in opposite directions; the segments on a cube's
 * six faces join into closed loops, and each loop is triangulated as a fan from a vertex chosen so that no fan
 * diagonal lies on a face of the cube (a diagonal that did could be drawn by the neighbour too, on an ambiguous
 * face). So every triangle edge on a face is shared with exactly one triangle of the neighbouring cube, every fan
 * diagonal with exactly one triangle of the same fan, and the orientation of the loops (from the face rule) gives
 * a consistent outward winding. The table is checked when the class loads.
 *
 * <h2>Why it is fast</h2>
 * <ul>
 *   <li>The field is read once per sample layer, into inside flags of one bit per sample for the two sample layers
 *       in use, padded by one outside sample on every side (so the grid's edge needs no special case); 64 cubes of a
 *       row are skipped at once when their eight corner bits agree, and the values interpolated for the layer's
 *       vertices are still in cache.</li>
 *   <li>Vertices are not looked up in a hash: the vertex on each cut grid edge is made once, by a scan of the cut
 *       edges of a sample layer (edges along i and j) or between two layers (edges along k), and its index is kept in
 *       arrays indexed by the edge's position, for the two sample layers and one cube layer in use.</li>
 *   <li>Output goes to growable primitive arrays; nothing is allocated per cell or per vertex.</li>
 *   <li>Large grids are cut into ranges of cube layers done in parallel. A range's top sample layer belongs to the
 *       next range, which makes its vertices first, in the same scan order; the range refers to them by their rank
 *       in that scan, and the ranges are stitched in order. Vertex and triangle order is the order of one sequential
 *       pass, so the mesh is the same, to the bit, whatever the number of ranges or threads.</li>
 * </ul>
 * Marching cubes makes about a third of the triangles of the six-tetrahedra decomposition used before (issue 8);
 * docs/benchmarks.md has the timings.
 */
public final class Isosurface {
    /** Corners of the unit cube, bit 0 = i, bit 1 = j, bit 2 = k of the offset; case bit c is corner c inside. */
    private static final int[][] CORNER = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1},
        {0, 1, 1}};
    /**
     * The twelve cube edges as corner pairs, low corner first: four along i (0-3), four along j (4-7), four along k
     * (8-11).
     */
    private static final int[][] EDGE = {{0, 1}, {3, 2}, {4, 5}, {7, 6}, {0, 3}, {1, 2}, {4, 7}, {5, 6}, {0, 4}, {1, 5},
        {2, 6}, {3, 7}};
    /** Which vertex-index array holds an edge's vertex: 0/1 along i in the bottom/top layer, 2/3 along j, 4 along k. */
    private static final int[] EDGE_ARRAY = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4, 4};
    /** Triangles of case c: cube edges {@code TRI[3 * t ..]} for t in {@code [TRI_START[c], TRI_START[c + 1])}. */
    private static final int[] TRI_START = new int[257];
    private static final byte[] TRI;

    static {
        TRI = CaseTable.build(TRI_START);
    }

    /** Grids with fewer samples than this are done on the calling thread in one range. */
    private static final int PARALLEL_THRESHOLD = 1 << 18;
    /**
     * Fewest cube layers per parallel range: a range holds vertex indices for 5 x (nx + 2) x (ny + 2) edges, so at
     * most one range per this many layers keeps it at about a third of the size of the samples.
     */
    private static final int LAYERS_PER_RANGE = 8;

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
        int ranges = (long) nx * ny * nz < PARALLEL_THRESHOLD ? 1
                : Math.max(1, Math.min((nz + 1) / LAYERS_PER_RANGE, 4 * Runtime.getRuntime().availableProcessors()));
        return extract(values, nx, ny, nz, level, below, ranges);
    }

    /** {@link #extract(double[], int, int, int, double, boolean)} in {@code ranges} ranges of cube layers. */
    static Mesh extract(double[] values, int nx, int ny, int nz, double level, boolean below, int ranges) {
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz != values.length) {
            throw new IllegalArgumentException(values.length + " values for a " + nx + " x " + ny + " x " + nz + " grid");
        }
        if ((long) (nx + 2) * (ny + 2) > (Integer.MAX_VALUE - 8) / 5) {
            throw new IllegalArgumentException("grid too large for one isosurface: " + nx + " x " + ny + " x " + nz);
        }
        Grid g = new Grid(values, nx, ny, nz, level, below);
        // cube layers -1 .. nz - 1 (cube layer c lies between sample layers c and c + 1)
        int layers = nz + 1;
        int n = Math.max(1, Math.min(ranges, layers));
        Slab[] slabs = new Slab[n];
        IntStream work = IntStream.range(0, n);
        (n > 1 ? work.parallel() : work).forEach(r -> {
            int from = -1 + (int) ((long) layers * r / n);
            int to = -1 + (int) ((long) layers * (r + 1) / n);
            slabs[r] = new Slab(g, from, to, r == n - 1);
            slabs[r].run();
        });
        return stitch(slabs);
    }

    /** Concatenates the ranges' vertices and triangles, resolving references to the next range's first vertices. */
    private static Mesh stitch(Slab[] slabs) {
        int[] first = new int[slabs.length + 1];
        long vertices = 0;
        long triangles = 0;
        for (int r = 0; r < slabs.length; r++) {
            first[r] = (int) vertices;
            vertices += slabs[r].vertices;
            triangles += slabs[r].triangles;
            if (3 * vertices > Integer.MAX_VALUE - 8 || 3 * triangles > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("isosurface too large for one mesh: over " + vertices
                        + " vertices, " + triangles + " triangles");
            }
        }
        first[slabs.length] = (int) vertices;
        double[] xyz = new double[(int) (3 * vertices)];
        int[] tri = new int[(int) (3 * triangles)];
        int t = 0;
        for (int r = 0; r < slabs.length; r++) {
            Slab s = slabs[r];
            System.arraycopy(s.xyz, 0, xyz, 3 * first[r], 3 * s.vertices);
            int own = first[r];
            int next = first[r + 1];
            for (int p = 0; p < 3 * s.triangles; p++) {
                int v = s.tri[p];
                tri[t++] = v >= 0 ? own + v : next + (-1 - v);
            }
        }
        return new Mesh(xyz, tri);
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

    /**
     * The samples, and how their inside bits are laid out: one sample layer at a time, padded: column p = i + 1 in
     * 0 .. nx + 1, row q = j + 1 in 0 .. ny + 1, layer k in -1 .. nz; the padding is outside. Row q of a layer is
     * {@code words} longs from {@code q * words}, bit p of the row.
     */
    private static final class Grid {
        final double[] values;
        final int nx;
        final int ny;
        final int nz;
        final double level;
        final int px;
        final int py;
        final int words;
        final boolean below;

        Grid(double[] values, int nx, int ny, int nz, double level, boolean below) {
            this.values = values;
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.level = level;
            px = nx + 2;
            py = ny + 2;
            words = (px + 63) >>> 6;
            this.below = below;
        }

        /**
         * The inside bits of sample layer k (-1 .. nz, all outside beyond the grid) into {@code bits}: 64 samples to a
         * word, then shifted one column right for the padding.
         */
        void fill(int k, long[] bits) {
            Arrays.fill(bits, 0);
            if (k < 0 || k >= nz) {
                return;
            }
            for (int j = 0; j < ny; j++) {
                int src = nx * (j + ny * k);
                int dst = (j + 1) * words;
                for (int i0 = 0; i0 < nx; i0 += 64) {
                    int n = Math.min(64, nx - i0);
                    long w = 0;
                    int s = src + i0;
                    if (below) {
                        for (int b = 0; b < n; b++) {
                            w |= (values[s + b] < level ? 1L : 0L) << b; // NaN: false, outside
                        }
                    } else {
                        for (int b = 0; b < n; b++) {
                            w |= (values[s + b] > level ? 1L : 0L) << b;
                        }
                    }
                    int d = dst + (i0 >>> 6);
                    bits[d] |= w << 1;
                    if (w < 0) {
                        bits[d + 1] |= 1L; // the word's last sample, column i0 + 64, is bit 0 of the next word
                    }
                }
            }
        }

        /**
         * Where the surface cuts the edge from sample value a to sample value b, as a fraction of the way: at the
         * finite end when the other is NaN or infinite (outside the grid, a hole, or an infinite sample).
         */
        double cut(double a, double b) {
            double t = !Double.isFinite(a) ? 1 : !Double.isFinite(b) ? 0 : (level - a) / (b - a);
            return Math.max(0, Math.min(1, t));
        }
    }

    /**
     * The surface in cube layers [from, to). Vertices of the sample layer {@code to} belong to the next range (unless
     * this is the last): they are referred to as -1 - rank, rank in the scan that makes them in the next range.
     */
    private static final class Slab {
        private final Grid g;
        private final int from;
        private final int to;
        private final boolean last;
        double[] xyz;
        int vertices;
        int[] tri;
        int triangles;
        private int foreign;
        /**
         * Vertex index per edge, in five sections of one per padded position (q * px + p, the edge's low end): edges
         * along i in even and in odd sample layers, along j in even and odd layers, along k between the current two.
         */
        private final int[] ids;
        private final int cells;
        /**
         * Per parity of the cube layer and entry of {@link #TRI}: where the entry's vertex index is in {@link #ids},
         * from the cube's padded position.
         */
        private final int[][] triOffset = new int[2][];
        /** Inside bits of the bottom and the top sample layer. */
        private long[] bitsBottom;
        private long[] bitsTop;

        Slab(Grid g, int from, int to, boolean last) {
            this.g = g;
            this.from = from;
            this.to = to;
            this.last = last;
            cells = g.px * g.py;
            ids = new int[5 * cells];
            for (int parity = 0; parity < 2; parity++) { // of the cube layer, that is of its bottom sample layer
                int[] section = {parity, 1 - parity, 2 + parity, 3 - parity, 4};
                triOffset[parity] = new int[TRI.length];
                for (int x = 0; x < TRI.length; x++) {
                    int e = TRI[x];
                    int[] low = CORNER[EDGE[e][0]];
                    triOffset[parity][x] = section[EDGE_ARRAY[e]] * cells + low[0] + g.px * low[1];
                }
            }
            bitsBottom = new long[g.py * g.words];
            bitsTop = new long[g.py * g.words];
            int guess = 1024 + Math.min(cells, 1 << 18); // vertices and triangles; grown by half when full
            xyz = new double[3 * guess];
            tri = new int[3 * guess];
        }

        void run() {
            g.fill(from, bitsBottom);
            layerEdges(from, bitsBottom, true);
            for (int c = from; c < to; c++) {
                g.fill(c + 1, bitsTop);
                kEdges(c, bitsBottom, bitsTop);
                layerEdges(c + 1, bitsTop, c + 1 < to || last);
                cubes(bitsBottom, bitsTop, triOffset[c & 1]);
                long[] bits = bitsBottom;
                bitsBottom = bitsTop;
                bitsTop = bits;
            }
        }

        /**
         * The vertices on the cut edges along i and j of sample layer k, row by row (edges along i of row q, then
         * along j from row q to q + 1). {@code own}: made here; otherwise only ranked, for the previous range.
         */
        private void layerEdges(int k, long[] bits, boolean own) {
            if (k < 0 || k >= g.nz) {
                return;
            }
            int[] ids = this.ids;
            int alongI = (k & 1) * cells;
            int alongJ = (2 + (k & 1)) * cells;
            int words = g.words;
            int px = g.px;
            double[] values = g.values;
            for (int q = 0; q <= g.ny; q++) {
                int row = q * words;
                int next = row + words;
                int src = g.nx * (q - 1 + g.ny * k); // sample (0, q - 1, k), when q >= 1
                for (int w = 0; w < words; w++) {
                    long a = bits[row + w];
                    long cut = a ^ ((a >>> 1) | (w + 1 < words ? bits[row + w + 1] << 63 : 0));
                    while (cut != 0) {
                        int p = (w << 6) + Long.numberOfTrailingZeros(cut);
                        cut &= cut - 1;
                        if (own) {
                            // samples (p - 1, q - 1, k) and (p, q - 1, k); q and k are in the grid here
                            int at = src + p - 1;
                            double t = g.cut(p >= 1 ? values[at] : Double.NaN, p < g.nx ? values[at + 1] : Double.NaN);
                            ids[alongI + q * px + p] = vertex(p - 1 + t, q - 1, k);
                        } else {
                            ids[alongI + q * px + p] = -1 - foreign++;
                        }
                    }
                }
                for (int w = 0; w < words; w++) {
                    long cut = bits[row + w] ^ bits[next + w];
                    while (cut != 0) {
                        int p = (w << 6) + Long.numberOfTrailingZeros(cut);
                        cut &= cut - 1;
                        if (own) {
                            // samples (p - 1, q - 1, k) and (p - 1, q, k); p is in the grid here
                            int at = src + p - 1;
                            double t = g.cut(q >= 1 ? values[at] : Double.NaN,
                                    q < g.ny ? values[at + g.nx] : Double.NaN);
                            ids[alongJ + q * px + p] = vertex(p - 1, q - 1 + t, k);
                        } else {
                            ids[alongJ + q * px + p] = -1 - foreign++;
                        }
                    }
                }
            }
        }

        /** The vertices on the cut edges along k between sample layers k and k + 1 (inside bits lo and hi). */
        private void kEdges(int k, long[] lo, long[] hi) {
            int[] ids = this.ids;
            int alongK = 4 * cells;
            int words = g.words;
            int px = g.px;
            double[] values = g.values;
            int layer = g.nx * g.ny;
            boolean hasLo = k >= 0;
            boolean hasHi = k + 1 < g.nz;
            for (int q = 1; q <= g.ny; q++) {
                int row = q * words;
                int src = g.nx * (q - 1) + layer * k; // sample (0, q - 1, k), when k >= 0
                for (int w = 0; w < words; w++) {
                    long cut = lo[row + w] ^ hi[row + w];
                    while (cut != 0) {
                        int p = (w << 6) + Long.numberOfTrailingZeros(cut);
                        cut &= cut - 1;
                        // samples (p - 1, q - 1, k) and (p - 1, q - 1, k + 1); p and q are in the grid here
                        int at = src + p - 1;
                        double t = g.cut(hasLo ? values[at] : Double.NaN, hasHi ? values[at + layer] : Double.NaN);
                        ids[alongK + q * px + p] = vertex(p - 1, q - 1, k + t);
                    }
                }
            }
        }

        /** A new vertex at (x, y, z). */
        private int vertex(double x, double y, double z) {
            if (3 * vertices + 3 > xyz.length) {
                xyz = Arrays.copyOf(xyz, grow(xyz.length));
            }
            int o = 3 * vertices;
            xyz[o] = x;
            xyz[o + 1] = y;
            xyz[o + 2] = z;
            return vertices++;
        }

        /**
         * The triangles of the cubes between two sample layers (inside bits lo and hi) that have a corner inside and
         * one outside.
         */
        private void cubes(long[] lo, long[] hi, int[] offset) {
            int[] ids = this.ids;
            int words = g.words;
            int px = g.px;
            for (int q = 0; q <= g.ny; q++) {
                int r0 = q * words;
                int r1 = r0 + words;
                for (int w = 0; w < words; w++) {
                    boolean more = w + 1 < words;
                    long a0 = lo[r0 + w];
                    long a1 = lo[r1 + w];
                    long a2 = hi[r0 + w];
                    long a3 = hi[r1 + w];
                    // corner bits at column p + 1, as bit p
                    long b0 = (a0 >>> 1) | (more ? lo[r0 + w + 1] << 63 : 0);
                    long b1 = (a1 >>> 1) | (more ? lo[r1 + w + 1] << 63 : 0);
                    long b2 = (a2 >>> 1) | (more ? hi[r0 + w + 1] << 63 : 0);
                    long b3 = (a3 >>> 1) | (more ? hi[r1 + w + 1] << 63 : 0);
                    long any = a0 | a1 | a2 | a3 | b0 | b1 | b2 | b3;
                    long all = a0 & a1 & a2 & a3 & b0 & b1 & b2 & b3;
                    long mixed = any & ~all;
                    while (mixed != 0) {
                        int bit = Long.numberOfTrailingZeros(mixed);
                        mixed &= mixed - 1;
                        int cs = (int) ((a0 >>> bit) & 1) | (int) ((b0 >>> bit) & 1) << 1
                                | (int) ((b1 >>> bit) & 1) << 2 | (int) ((a1 >>> bit) & 1) << 3
                                | (int) ((a2 >>> bit) & 1) << 4 | (int) ((b2 >>> bit) & 1) << 5
                                | (int) ((b3 >>> bit) & 1) << 6 | (int) ((a3 >>> bit) & 1) << 7;
                        int base = q * px + (w << 6) + bit;
                        int t0 = TRI_START[cs];
                        int t1 = TRI_START[cs + 1];
                        if (3 * (triangles + t1 - t0) > tri.length) {
                            tri = Arrays.copyOf(tri, grow(tri.length));
                        }
                        int o = 3 * triangles;
                        for (int x = 3 * t0; x < 3 * t1; x++) {
                            tri[o++] = ids[base + offset[x]];
                        }
                        triangles += t1 - t0;
                    }
                }
            }
        }

        private static int grow(int length) {
            long n = Math.max(length + 48L, length * 3L / 2);
            if (n > Integer.MAX_VALUE - 8) {
                if (length >= Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("isosurface too large for one mesh");
                }
                n = Integer.MAX_VALUE - 8;
            }
            return (int) (n - n % 3);
        }
    }

    /** Derives the marching-cubes case table from the face rule (see the class comment) and checks it. */
    private static final class CaseTable {
        private CaseTable() {
        }

        /** The triangles of all 256 cases, three cube edges each; {@code start} receives the per-case offsets. */
        static byte[] build(int[] start) {
            int[][] faces = faces();
            int[] edgeOf = new int[64]; // corner pair a * 8 + b -> edge, -1 if not an edge
            Arrays.fill(edgeOf, -1);
            int[] facesOfEdge = new int[12];
            for (int e = 0; e < 12; e++) {
                edgeOf[EDGE[e][0] * 8 + EDGE[e][1]] = e;
                edgeOf[EDGE[e][1] * 8 + EDGE[e][0]] = e;
            }
            for (int f = 0; f < 6; f++) {
                for (int m = 0; m < 4; m++) {
                    facesOfEdge[edgeOf[faces[f][m] * 8 + faces[f][(m + 1) & 3]]] |= 1 << f;
                }
            }
            byte[] out = new byte[256 * 3 * 12];
            int n = 0;
            for (int cs = 0; cs < 256; cs++) {
                start[cs] = n / 3;
                int[] next = new int[12];
                Arrays.fill(next, -1);
                for (int[] f : faces) {
                    for (int m = 0; m < 4; m++) {
                        boolean in = inside(cs, f[m]);
                        boolean prevIn = inside(cs, f[(m + 3) & 3]);
                        if (!in || prevIn) {
                            continue;
                        }
                        int end = m; // a run of inside corners from m (counter-clockwise seen from outside)
                        while (inside(cs, f[(end + 1) & 3])) {
                            end = (end + 1) & 3;
                        }
                        int leave = edgeOf[f[end] * 8 + f[(end + 1) & 3]];
                        int enter = edgeOf[f[(m + 3) & 3] * 8 + f[m]];
                        check(next[leave] == -1, cs, "edge " + leave + " leaves twice");
                        next[leave] = enter;
                    }
                }
                boolean[] seen = new boolean[12];
                for (int e0 = 0; e0 < 12; e0++) {
                    if (next[e0] == -1 || seen[e0]) {
                        continue;
                    }
                    int[] loop = new int[12];
                    int len = 0;
                    for (int e = e0; !seen[e]; e = next[e]) {
                        check(next[e] != -1, cs, "open loop at edge " + e);
                        seen[e] = true;
                        loop[len++] = e;
                    }
                    check(loop[0] == e0 && next[loop[len - 1]] == e0, cs, "loop does not close");
                    int apex = apex(loop, len, facesOfEdge, cs);
                    for (int s = 1; s + 1 < len; s++) {
                        out[n++] = (byte) loop[apex];
                        out[n++] = (byte) loop[(apex + s) % len];
                        out[n++] = (byte) loop[(apex + s + 1) % len];
                    }
                }
                for (int e = 0; e < 12; e++) {
                    boolean cut = inside(cs, EDGE[e][0]) != inside(cs, EDGE[e][1]);
                    check(cut == (next[e] != -1) && cut == seen[e], cs, "edge " + e + " cut but not on a loop");
                }
            }
            start[256] = n / 3;
            outward(out, start);
            return Arrays.copyOf(out, n);
        }

        /** A loop vertex from which no fan diagonal joins two edges of one face. */
        private static int apex(int[] loop, int len, int[] facesOfEdge, int cs) {
            for (int a = 0; a < len; a++) {
                boolean ok = true;
                for (int s = 2; s + 1 < len && ok; s++) {
                    ok = (facesOfEdge[loop[a]] & facesOfEdge[loop[(a + s) % len]]) == 0;
                }
                if (ok) {
                    return a;
                }
            }
            throw new IllegalStateException("isosurface case " + cs + ": no fan without a diagonal on a face");
        }

        /**
         * Corners of each face, counter-clockwise seen from outside: the face normal to axis a at offset s, its corners
         * in the (a + 1, a + 2) plane in order (0,0) (1,0) (1,1) (0,1), reversed on the s = 0 side.
         */
        private static int[][] faces() {
            int[][] faces = new int[6][4];
            int[][] square = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
            for (int a = 0; a < 3; a++) {
                for (int s = 0; s < 2; s++) {
                    for (int m = 0; m < 4; m++) {
                        int[] at = new int[3];
                        at[a] = s;
                        at[(a + 1) % 3] = square[s == 1 ? m : 3 - m][0];
                        at[(a + 2) % 3] = square[s == 1 ? m : 3 - m][1];
                        faces[2 * a + s][m] = at[0] | at[1] << 1 | at[2] << 2;
                    }
                }
            }
            for (int[] f : faces) {
                for (int m = 0; m < 4; m++) {
                    f[m] = cornerNumber(f[m]);
                }
            }
            return faces;
        }

        /** Corner number in {@link #CORNER} of the offset with bit 0 = i, bit 1 = j, bit 2 = k. */
        private static int cornerNumber(int bits) {
            for (int c = 0; c < 8; c++) {
                if ((CORNER[c][0] | CORNER[c][1] << 1 | CORNER[c][2] << 2) == bits) {
                    return c;
                }
            }
            throw new AssertionError(bits);
        }

        /**
         * Makes the winding outward: in the case of corner 0 alone inside, the triangle's normal (on the edges'
         * midpoints) must point away from corner 0; if it does not, every triangle is reversed (the face rule orients
         * all loops alike).
         */
        private static void outward(byte[] out, int[] start) {
            int t = start[1];
            check(start[2] - t == 1, 1, "corner 0 alone is not one triangle");
            double[][] m = new double[3][3];
            for (int v = 0; v < 3; v++) {
                int[] e = EDGE[out[3 * t + v]];
                for (int x = 0; x < 3; x++) {
                    m[v][x] = (CORNER[e[0]][x] + CORNER[e[1]][x]) * 0.5;
                }
            }
            double[] u = {m[1][0] - m[0][0], m[1][1] - m[0][1], m[1][2] - m[0][2]};
            double[] v = {m[2][0] - m[0][0], m[2][1] - m[0][1], m[2][2] - m[0][2]};
            double d = (u[1] * v[2] - u[2] * v[1]) + (u[2] * v[0] - u[0] * v[2]) + (u[0] * v[1] - u[1] * v[0]);
            if (d < 0) {
                for (int p = 0; p < 3 * start[256]; p += 3) {
                    byte s = out[p + 1];
                    out[p + 1] = out[p + 2];
                    out[p + 2] = s;
                }
            }
        }

        private static boolean inside(int cs, int corner) {
            return (cs >>> corner & 1) != 0;
        }

        private static void check(boolean ok, int cs, String what) {
            if (!ok) {
                throw new IllegalStateException("isosurface case table, case " + cs + ": " + what);
            }
        }
    }
}
