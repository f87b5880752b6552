package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.analysis.internal.KdTree;
import org.geoassure.geodb.analysis.internal.RowWindow;

/**
 * Neighbourhood search over a fixed set of sample locations: a k-d tree built on the coordinates rotated and
 * scaled into the search ellipsoid's axes, so the anisotropic search becomes a Euclidean k-nearest search in the
 * unit ball. Build once, then query from any number of threads with one {@link Query} each.
 */
public final class NeighbourSearch {
    private final Neighbourhood hood;
    private final double[] m;
    /** How much wider than the first narrowed search ball a row's window is (room for sparser stretches). */
    private static final double ROW_MARGIN = 1.3;

    private final KdTree tree;
    private final double[] ru; // reduced coordinates by sample index
    private final double[] rv;
    private final double[] rw;

    /** Indexes the sample locations for that neighbourhood. */
    public NeighbourSearch(Samples samples, Neighbourhood hood) {
        this.hood = Objects.requireNonNull(hood, "hood");
        m = hood.search().scaledRotation();
        double[] x = samples.x();
        double[] y = samples.y();
        double[] z = samples.z();
        int n = x.length;
        double[] u = new double[n];
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = m[0] * x[i] + m[1] * y[i] + m[2] * z[i];
            v[i] = m[3] * x[i] + m[4] * y[i] + m[5] * z[i];
            w[i] = m[6] * x[i] + m[7] * y[i] + m[8] * z[i];
        }
        tree = new KdTree(u, v, w);
        ru = u;
        rv = v;
        rw = w;
    }

    /** The neighbourhood searched. */
    public Neighbourhood neighbourhood() {
        return hood;
    }

    /** A query state for one thread. */
    public Query query() {
        return new Query();
    }

    /** Query state for one thread; not thread-safe. */
    public final class Query {
        private final KdTree.Cursor cursor = tree.cursor(hood.maxSamples(), hood.maxPerOctant());
        private final int[] idx = new int[cursor.capacity()];
        private final double[] d2 = new double[cursor.capacity()];
        private final boolean hint = hood.maxPerOctant() == 0;
        private boolean last;
        private double lu;
        private double lv;
        private double lw;
        private double lastK;

        private Query() {
        }

        private final RowWindow row = hint ? new RowWindow(tree, hood.maxSamples()) : null;
        private int rowCells;
        private boolean rowBuilt;
        private final double[] rowEnds = new double[6];

        /**
         * The neighbours of (x, y, z): sample indices sorted by increasing reduced distance (ties by index).
         *
         * @param out receives the indices; length at least {@code maxSamples}
         * @return how many were found (may be below {@code minSamples})
         */
        public int find(double x, double y, double z, int[] out) {
            return find(-1, x, y, z, out);
        }

        /**
         * Starts a row of {@code n} equally spaced query points (grid cells along one axis) whose first and last are
         * at {@code first} and {@code last} (world x, y, z); then {@link #findInRow} answers as {@link #find} does,
         * reading only the samples near the row (see {@code RowWindow}).
         */
        void beginRow(double[] first, double[] last, int n) {
            rowCells = row == null || n < 2 ? 0 : n;
            rowBuilt = false;
            rowEnds[0] = m[0] * first[0] + m[1] * first[1] + m[2] * first[2];
            rowEnds[1] = m[3] * first[0] + m[4] * first[1] + m[5] * first[2];
            rowEnds[2] = m[6] * first[0] + m[7] * first[1] + m[8] * first[2];
            rowEnds[3] = m[0] * last[0] + m[1] * last[1] + m[2] * last[2];
            rowEnds[4] = m[3] * last[0] + m[4] * last[1] + m[5] * last[2];
            rowEnds[5] = m[6] * last[0] + m[7] * last[1] + m[8] * last[2];
        }

        /** The neighbours of cell {@code i} of the row begun, at (x, y, z); the same answer as {@link #find}. */
        int findInRow(int i, double x, double y, double z, int[] out) {
            return find(i, x, y, z, out);
        }

        private int find(int cell, double x, double y, double z, int[] out) {
            double u = m[0] * x + m[1] * y + m[2] * z;
            double v = m[3] * x + m[4] * y + m[5] * z;
            double w = m[6] * x + m[7] * y + m[8] * z;
            double radius = 1.0;
            if (last) {
                // the previous query's k neighbours lie within its k-th distance plus the step from it, so the k
                // nearest of this point do too (triangle inequality): search that smaller ball first
                double du = u - lu;
                double dv = v - lv;
                double dw = w - lw;
                radius = Math.min(1.0, (lastK + Math.sqrt(du * du + dv * dv + dw * dw)) * (1 + 1e-12) + 1e-300);
                // tighter still: the previous k neighbours are k samples within their farthest distance from here
                double far = 0;
                for (int a = 0, k = hood.maxSamples(); a < k; a++) {
                    int p = idx[a];
                    double eu = ru[p] - u;
                    double ev = rv[p] - v;
                    double ew = rw[p] - w;
                    far = Math.max(far, eu * eu + ev * ev + ew * ew);
                }
                radius = Math.min(radius, Math.sqrt(far) * (1 + 1e-12) + 1e-300);
            }
            int n = -1;
            if (cell >= 0 && rowCells > 0) {
                if (!rowBuilt && radius < 1.0) {
                    // gather the samples near the whole row once, with room for the ball to grow along it
                    row.begin(rowEnds[0], rowEnds[1], rowEnds[2], rowEnds[3], rowEnds[4], rowEnds[5], rowCells,
                            Math.min(1.0, ROW_MARGIN * radius));
                    rowBuilt = true;
                }
                if (rowBuilt) {
                    n = row.nearest(cell, u, v, w, radius, idx, d2);
                }
            }
            if (n < 0) {
                n = cursor.nearest(u, v, w, radius, idx, d2);
            }
            int k = hood.maxSamples();
            last = hint && n == k;
            if (last) {
                lu = u;
                lv = v;
                lw = w;
                lastK = Math.sqrt(d2[k - 1]);
            }
            System.arraycopy(idx, 0, out, 0, n);
            return n;
        }

        /** Squared reduced distance of the i-th neighbour found by the last {@link #find}. */
        public double reducedDistance2(int i) {
            return d2[i];
        }
    }
}
