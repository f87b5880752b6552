package org.geoassure.geodb.grid;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.model.Mesh;

/**
 * A set of cells of one block model's grid, decided on cell centroids, for selections a box cannot express: inside a
 * closed triangle mesh, above or below a surface, within a distance of lines or points. Held as one bit per grid cell
 * (12.5 MB for 10^8 cells) plus one bit per brick for pruning; immutable once built.
 *
 * <p><b>Inside a mesh</b> is decided column by column, not cell by cell: each triangle is rasterised onto the columns
 * (i, j) whose centroid its projection covers, giving the height where that column's vertical line crosses it; a
 * cell is inside when an odd number of crossings lie below its centroid. A column passing exactly through an edge or
 * vertex shared by several triangles is counted once, by the top-left rule of rasterisers (edge functions are
 * computed in one canonical direction per edge, so the triangles on either side of an edge see the same number,
 * negated). The cost is one pass over the triangles plus one over the columns' crossings, not a point-in-mesh test per
 * cell. A mesh some of whose edges belong to an odd number of triangles is not closed and is refused.
 *
 * <p><b>Above / below a surface</b> uses the same crossings: above means above the column's highest crossing, below
 * means below its lowest; columns the surface does not reach are in neither.
 */
public final class CellRegion {
    private final BlockModel model;
    private final long[] bits;
    private final long[] brickBits;
    private final long cells;

    private CellRegion(BlockModel model, long[] bits) {
        this.model = model;
        this.bits = bits;
        long n = 0;
        int bx = model.bricks(0);
        int by = model.bricks(1);
        this.brickBits = new long[(int) (((long) bx * by * model.bricks(2) + 63) >>> 6)];
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            n += Long.bitCount(word);
            while (word != 0) {
                long cell = ((long) w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int i = (int) (cell % model.nx());
                long rest = cell / model.nx();
                int j = (int) (rest % model.ny());
                int k = (int) (rest / model.ny());
                int b = (i >> Brick.SHIFT) + bx * ((j >> Brick.SHIFT) + by * (k >> Brick.SHIFT));
                brickBits[b >>> 6] |= 1L << b;
            }
        }
        this.cells = n;
    }

    /** The model whose grid this region is of. */
    public BlockModel model() {
        return model;
    }

    /** Grid cells in the region (present or not). */
    public long cells() {
        return cells;
    }

    /** Whether cell (i, j, k) is in the region. */
    public boolean contains(int i, int j, int k) {
        long c = i + (long) model.nx() * (j + (long) model.ny() * k);
        return (bits[(int) (c >>> 6)] & (1L << c)) != 0;
    }

    /** Whether any cell of the brick at brick coordinates (bi, bj, bk) is in the region. */
    public boolean touchesBrick(int bi, int bj, int bk) {
        int b = bi + model.bricks(0) * (bj + model.bricks(1) * bk);
        return (brickBits[b >>> 6] & (1L << b)) != 0;
    }

    /**
     * The cells in both regions.
     *
     * @throws InvalidContentException if the regions are of different grids
     */
    public CellRegion and(CellRegion other) {
        if (other.model.nx() != model.nx() || other.model.ny() != model.ny() || other.model.nz() != model.nz()) {
            throw new InvalidContentException("regions of different grids: " + model.nx() + " x " + model.ny() + " x "
                    + model.nz() + " and " + other.model.nx() + " x " + other.model.ny() + " x " + other.model.nz());
        }
        long[] both = new long[bits.length];
        for (int w = 0; w < both.length; w++) {
            both[w] = bits[w] & other.bits[w];
        }
        return new CellRegion(model, both);
    }

    // ------------------------------------------------------------------------------------------------ factories

    /**
     * The cells whose centroid lies inside a closed mesh (world coordinates).
     *
     * @throws InvalidContentException naming an edge when the mesh is not closed (an edge in an odd number of
     *     triangles)
     */
    public static CellRegion insideMesh(BlockModel model, Mesh mesh) {
        requireClosed(mesh);
        Crossings x = Crossings.of(model, mesh);
        long[] bits = newBits(model);
        int nx = model.nx();
        int ny = model.ny();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int col = i + nx * j;
                int from = x.start[col];
                int to = x.start[col + 1];
                if (to - from < 2) {
                    continue;
                }
                Arrays.sort(x.w, from, to);
                int below = from;
                for (int k = 0; k < model.nz(); k++) {
                    double w = (k + 0.5) * model.dz();
                    while (below < to && x.w[below] < w) {
                        below++;
                    }
                    if (((below - from) & 1) == 1) {
                        set(bits, model, i, j, k);
                    }
                }
            }
        }
        return new CellRegion(model, bits);
    }

    /** The cells whose centroid lies above the highest crossing of its column with a surface (world coordinates). */
    public static CellRegion aboveSurface(BlockModel model, Mesh surface) {
        return side(model, surface, true);
    }

    /** The cells whose centroid lies below the lowest crossing of its column with a surface (world coordinates). */
    public static CellRegion belowSurface(BlockModel model, Mesh surface) {
        return side(model, surface, false);
    }

    private static CellRegion side(BlockModel model, Mesh surface, boolean above) {
        Crossings x = Crossings.of(model, surface);
        long[] bits = newBits(model);
        for (int j = 0; j < model.ny(); j++) {
            for (int i = 0; i < model.nx(); i++) {
                int col = i + model.nx() * j;
                if (x.start[col] == x.start[col + 1]) {
                    continue;
                }
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int c = x.start[col]; c < x.start[col + 1]; c++) {
                    lo = Math.min(lo, x.w[c]);
                    hi = Math.max(hi, x.w[c]);
                }
                for (int k = 0; k < model.nz(); k++) {
                    double w = (k + 0.5) * model.dz();
                    if (above ? w > hi : w < lo) {
                        set(bits, model, i, j, k);
                    }
                }
            }
        }
        return new CellRegion(model, bits);
    }

    /**
     * The cells whose centroid lies within {@code distance} (3D, inclusive) of any of the polylines (each a flat
     * x, y, z array in world coordinates; a single vertex is a point).
     *
     * @throws InvalidContentException if the distance is negative or not finite, or a polyline is empty or ragged
     */
    public static CellRegion withinDistance(BlockModel model, List<double[]> polylines, double distance) {
        if (!(distance >= 0) || Double.isInfinite(distance)) {
            throw new InvalidContentException("distance: " + distance + " is not a finite distance of 0 m or more");
        }
        long[] bits = newBits(model);
        double[] a = new double[3];
        double[] b = new double[3];
        double d2 = distance * distance;
        for (int p = 0; p < polylines.size(); p++) {
            double[] xyz = polylines.get(p);
            if (xyz.length == 0 || xyz.length % 3 != 0) {
                throw new InvalidContentException("polyline " + p + ": " + xyz.length
                        + " coordinates, not a positive multiple of 3");
            }
            int n = xyz.length / 3;
            for (int s = 0; s < Math.max(1, n - 1); s++) {
                model.toLocal(xyz[3 * s], xyz[3 * s + 1], xyz[3 * s + 2], a);
                int e = Math.min(s + 1, n - 1);
                model.toLocal(xyz[3 * e], xyz[3 * e + 1], xyz[3 * e + 2], b);
                markNearSegment(model, bits, a, b, distance, d2);
            }
        }
        return new CellRegion(model, bits);
    }

    private static void markNearSegment(BlockModel m, long[] bits, double[] a, double[] b, double d, double d2) {
        int i0 = Math.max(0, (int) Math.ceil((Math.min(a[0], b[0]) - d) / m.dx() - 0.5));
        int i1 = Math.min(m.nx() - 1, (int) Math.floor((Math.max(a[0], b[0]) + d) / m.dx() - 0.5));
        int j0 = Math.max(0, (int) Math.ceil((Math.min(a[1], b[1]) - d) / m.dy() - 0.5));
        int j1 = Math.min(m.ny() - 1, (int) Math.floor((Math.max(a[1], b[1]) + d) / m.dy() - 0.5));
        int k0 = Math.max(0, (int) Math.ceil((Math.min(a[2], b[2]) - d) / m.dz() - 0.5));
        int k1 = Math.min(m.nz() - 1, (int) Math.floor((Math.max(a[2], b[2]) + d) / m.dz() - 0.5));
        double ex = b[0] - a[0];
        double ey = b[1] - a[1];
        double ez = b[2] - a[2];
        double len2 = ex * ex + ey * ey + ez * ez;
        for (int k = k0; k <= k1; k++) {
            double pz = (k + 0.5) * m.dz() - a[2];
            for (int j = j0; j <= j1; j++) {
                double py = (j + 0.5) * m.dy() - a[1];
                for (int i = i0; i <= i1; i++) {
                    double px = (i + 0.5) * m.dx() - a[0];
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * ex + py * ey + pz * ez) / len2));
                    double qx = px - t * ex;
                    double qy = py - t * ey;
                    double qz = pz - t * ez;
                    if (qx * qx + qy * qy + qz * qz <= d2) {
                        set(bits, m, i, j, k);
                    }
                }
            }
        }
    }

    private static long[] newBits(BlockModel m) {
        long n = m.gridCells();
        if (n > (long) Integer.MAX_VALUE * 64) {
            throw new InvalidContentException("block model " + m.name() + ": " + n + " cells is too many for a region");
        }
        return new long[(int) ((n + 63) >>> 6)];
    }

    private static void set(long[] bits, BlockModel m, int i, int j, int k) {
        long c = i + (long) m.nx() * (j + (long) m.ny() * k);
        bits[(int) (c >>> 6)] |= 1L << c;
    }

    private static void requireClosed(Mesh mesh) {
        Map<Long, Integer> uses = new HashMap<>();
        int[] t = mesh.triangles();
        for (int f = 0; f < t.length / 3; f++) {
            for (int e = 0; e < 3; e++) {
                int p = t[3 * f + e];
                int q = t[3 * f + (e + 1) % 3];
                long key = ((long) Math.min(p, q) << 32) | Math.max(p, q);
                uses.merge(key, 1, Integer::sum);
            }
        }
        uses.entrySet().stream().filter(e -> (e.getValue() & 1) == 1).map(Map.Entry::getKey).min(Long::compare)
                .ifPresent(key -> {
                    throw new InvalidContentException("the mesh is not closed: the edge between vertices " + (key >>> 32)
                            + " and " + (key & 0xffffffffL) + " belongs to " + uses.get(key)
                            + (uses.get(key) == 1 ? " triangle" : " triangles") + " (a closed mesh has two at every edge)");
                });
    }

    /**
     * The heights (local w, metres above the model's base) where each column's vertical line through its centroid
     * crosses the mesh, grouped by column in compressed-row form: column c's crossings are w[start[c] .. start[c+1]).
     */
    private static final class Crossings {
        final int[] start;
        final double[] w;

        private Crossings(int[] start, double[] w) {
            this.start = start;
            this.w = w;
        }

        static Crossings of(BlockModel m, Mesh mesh) {
            int nv = mesh.vertexCount();
            // vertices in column-index space: a = u/dx - 1/2, b = v/dy - 1/2 (column centroids at integers)
            double[] a = new double[nv];
            double[] b = new double[nv];
            double[] w = new double[nv];
            double[] local = new double[3];
            for (int v = 0; v < nv; v++) {
                m.toLocal(mesh.coordinate(v, 0), mesh.coordinate(v, 1), mesh.coordinate(v, 2), local);
                a[v] = local[0] / m.dx() - 0.5;
                b[v] = local[1] / m.dy() - 0.5;
                w[v] = local[2];
            }
            int columns = m.nx() * m.ny();
            int[] count = new int[columns + 1];
            Raster r = new Raster(m, a, b, w, mesh.triangles());
            r.run((col, h) -> count[col]++);
            int[] start = new int[columns + 1];
            for (int c = 0; c < columns; c++) {
                start[c + 1] = start[c] + count[c];
            }
            double[] out = new double[start[columns]];
            int[] fill = Arrays.copyOf(start, columns);
            r.run((col, h) -> out[fill[col]++] = h);
            return new Crossings(start, out);
        }
    }

    @FunctionalInterface
    private interface CrossingSink {
        void crossing(int column, double w);
    }

    /** Rasterises the triangles' projections onto the column centroids with the top-left rule. */
    private static final class Raster {
        private final BlockModel m;
        private final double[] a;
        private final double[] b;
        private final double[] w;
        private final int[] tri;

        Raster(BlockModel m, double[] a, double[] b, double[] w, int[] tri) {
            this.m = m;
            this.a = a;
            this.b = b;
            this.w = w;
            this.tri = tri;
        }

        void run(CrossingSink sink) {
            for (int f = 0; f < tri.length / 3; f++) {
                int v0 = tri[3 * f];
                int v1 = tri[3 * f + 1];
                int v2 = tri[3 * f + 2];
                // orientation of the projection, from the canonical edge v0-v1 evaluated at v2
                double area = edge(v0, v1, a[v2], b[v2]);
                if (area == 0 || Double.isNaN(area)) {
                    continue; // vertical (or degenerate): no vertical line crosses it in a single point
                }
                if (area < 0) {
                    int t = v1;
                    v1 = v2;
                    v2 = t;
                    area = -area;
                }
                double minA = Math.min(a[v0], Math.min(a[v1], a[v2]));
                double maxA = Math.max(a[v0], Math.max(a[v1], a[v2]));
                double minB = Math.min(b[v0], Math.min(b[v1], b[v2]));
                double maxB = Math.max(b[v0], Math.max(b[v1], b[v2]));
                int i0 = Math.max(0, (int) Math.ceil(minA));
                int i1 = Math.min(m.nx() - 1, (int) Math.floor(maxA));
                int j0 = Math.max(0, (int) Math.ceil(minB));
                int j1 = Math.min(m.ny() - 1, (int) Math.floor(maxB));
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        double e0 = edge(v1, v2, i, j);
                        double e1 = edge(v2, v0, i, j);
                        double e2 = edge(v0, v1, i, j);
                        if (covers(e0, v1, v2) && covers(e1, v2, v0) && covers(e2, v0, v1)) {
                            double sum = e0 + e1 + e2;
                            sink.crossing(i + m.nx() * j, (e0 * w[v0] + e1 * w[v1] + e2 * w[v2]) / sum);
                        }
                    }
                }
            }
        }

        /**
         * The edge function of p -> q at (x, y): positive when (x, y) is to the left. It is computed from the
         * lexicographically smaller end, so both triangles of an edge get exactly opposite values.
         */
        private double edge(int p, int q, double x, double y) {
            boolean swap = a[q] < a[p] || (a[q] == a[p] && b[q] < b[p]);
            int s = swap ? q : p;
            int e = swap ? p : q;
            double v = (a[e] - a[s]) * (y - b[s]) - (b[e] - b[s]) * (x - a[s]);
            return swap ? -v : v;
        }

        /** Inside the half-plane left of p -> q, or on it when p -> q is a top or left edge (counter-clockwise). */
        private boolean covers(double e, int p, int q) {
            if (e > 0) {
                return true;
            }
            if (e < 0) {
                return false;
            }
            double db = b[q] - b[p];
            return db < 0 || (db == 0 && a[q] < a[p]);
        }
    }
}
