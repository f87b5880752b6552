package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.analysis.internal.KdTree;

/**
 * Neighbourhood search over a fixed set of sample locations: a k-d tree built on the coordinates rotated and
 * scaled into the search ellipsoid's axes, so the anisotropic search becomes a Euclidean k-nearest search in the
 * unit ball. Build once, then query from any number of threads with one {@link Query} each.
 */
public final class NeighbourSearch {
    private final Neighbourhood hood;
    private final double[] m;
    private final KdTree tree;

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

        /**
         * The neighbours of (x, y, z): sample indices sorted by increasing reduced distance (ties by index).
         *
         * @param out receives the indices; length at least {@code maxSamples}
         * @return how many were found (may be below {@code minSamples})
         */
        public int find(double x, double y, double z, int[] out) {
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
            }
            int n = cursor.nearest(u, v, w, radius, idx, d2);
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
