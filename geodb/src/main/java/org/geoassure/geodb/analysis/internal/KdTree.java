package org.geoassure.geodb.analysis.internal;

/**
 * A static 3D k-d tree over points already transformed into the search ellipsoid's reduced coordinates (so the
 * search region is the unit ball). Built once (median splits on the widest axis, leaves of up to 16 points, bounding
 * boxes per node); queried by many threads, each with its own {@link Cursor}.
 */
public final class KdTree {
    private static final int LEAF = 16;

    private final double[] px;
    private final double[] py;
    private final double[] pz;
    final int[] perm; // tree position -> sample index
    final double[] lx; // coordinates in tree order, so a leaf's points are contiguous
    final double[] ly;
    final double[] lz;
    private int nodes;
    private int[] lo;
    private int[] hi;
    private int[] left;
    private int[] right;
    private double[] box; // 6 per node: min x,y,z, max x,y,z

    /** Builds the tree over the given reduced coordinates (not copied; not to be modified afterwards). */
    public KdTree(double[] x, double[] y, double[] z) {
        px = x;
        py = y;
        pz = z;
        int n = x.length;
        perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int cap = Math.max(1, 4 * (n / LEAF + 1));
        lo = new int[cap];
        hi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        box = new double[6 * cap];
        if (n > 0) {
            build(0, n);
        }
        lx = new double[n];
        ly = new double[n];
        lz = new double[n];
        for (int i = 0; i < n; i++) {
            lx[i] = px[perm[i]];
            ly[i] = py[perm[i]];
            lz[i] = pz[perm[i]];
        }
    }

    private int build(int from, int to) {
        int node = nodes++;
        if (node >= lo.length) {
            int cap = lo.length * 2;
            lo = java.util.Arrays.copyOf(lo, cap);
            hi = java.util.Arrays.copyOf(hi, cap);
            left = java.util.Arrays.copyOf(left, cap);
            right = java.util.Arrays.copyOf(right, cap);
            box = java.util.Arrays.copyOf(box, 6 * cap);
        }
        lo[node] = from;
        hi[node] = to;
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = from; i < to; i++) {
            int p = perm[i];
            b[0] = Math.min(b[0], px[p]);
            b[1] = Math.min(b[1], py[p]);
            b[2] = Math.min(b[2], pz[p]);
            b[3] = Math.max(b[3], px[p]);
            b[4] = Math.max(b[4], py[p]);
            b[5] = Math.max(b[5], pz[p]);
        }
        System.arraycopy(b, 0, box, 6 * node, 6);
        if (to - from <= LEAF) {
            left[node] = -1;
            return node;
        }
        double ex = b[3] - b[0];
        double ey = b[4] - b[1];
        double ez = b[5] - b[2];
        double[] c = ex >= ey && ex >= ez ? px : ey >= ez ? py : pz;
        int mid = (from + to) >>> 1;
        select(c, from, to - 1, mid);
        int l = build(from, mid);
        int r = build(mid, to);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** Quickselect: puts the k-th smallest (by c) of perm[a..b] at k. */
    private void select(double[] c, int a, int b, int k) {
        while (b > a) {
            int m = (a + b) >>> 1;
            double pivot = c[perm[m]];
            int i = a;
            int j = b;
            while (i <= j) {
                while (c[perm[i]] < pivot) {
                    i++;
                }
                while (c[perm[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                b = j;
            } else if (k >= i) {
                a = i;
            } else {
                return;
            }
        }
    }

    /** Number of points. */
    public int size() {
        return perm.length;
    }

    /** A per-thread query state. */
    public Cursor cursor(int maxNeighbours, int maxPerOctant) {
        return new Cursor(maxNeighbours, maxPerOctant);
    }

    /** Query state: bounded max-heaps (one, or one per octant). */
    public final class Cursor {
        private final int k;
        private final int perOct;
        private final int heaps;
        private final int cap;
        private final int[] hIdx;
        private final double[] hD;
        private final int[] hN;
        private double qx;
        private double qy;
        private double qz;
        private double r2;
        private int full;

        Cursor(int maxNeighbours, int maxPerOctant) {
            k = maxNeighbours;
            perOct = maxPerOctant;
            heaps = maxPerOctant > 0 ? 8 : 1;
            cap = maxPerOctant > 0 ? maxPerOctant : maxNeighbours;
            hIdx = new int[heaps * cap];
            hD = new double[heaps * cap];
            hN = new int[heaps];
        }

        /** Length the output arrays of {@link #nearest} need. */
        public int capacity() {
            return heaps * cap;
        }

        /**
         * Finds up to k points within reduced distance {@code radius} of (x, y, z) (reduced coordinates), at most
         * {@code maxPerOctant} per octant when set. Writes indices sorted by increasing distance (ties by index) and
         * squared reduced distances; returns the count.
         */
        public int nearest(double x, double y, double z, double radius, int[] outIdx, double[] outD2) {
            qx = x;
            qy = y;
            qz = z;
            r2 = radius * radius;
            bnd = r2;
            if (heaps == 1 && radius < 1 && nodes > 0) {
                return nearestInSmallBall(outIdx, outD2);
            }
            java.util.Arrays.fill(hN, 0);
            full = 0;
            if (nodes > 0) {
                search(0);
            }
            int m = 0;
            for (int h = 0; h < heaps; h++) {
                for (int i = 0; i < hN[h]; i++) {
                    outIdx[m] = hIdx[h * cap + i];
                    outD2[m] = hD[h * cap + i];
                    m++;
                }
            }
            sortPairs(outIdx, outD2, m);
            return Math.min(m, k);
        }

        private double bnd;
        private int[] cIdx = new int[64];
        private double[] cD = new double[64];
        private int cN;

        /**
         * A caller-narrowed ball (a radius below 1, from a nearby previous query) holds few points beyond the k
         * wanted: collect them all, then keep the k nearest, instead of maintaining a heap.
         */
        private int nearestInSmallBall(int[] outIdx, double[] outD2) {
            cN = 0;
            collect(0);
            int m = cN;
            if (m > k) {
                selectK(cD, cIdx, 0, m - 1, k);
                m = k;
            }
            System.arraycopy(cIdx, 0, outIdx, 0, m);
            System.arraycopy(cD, 0, outD2, 0, m);
            sortPairs(outIdx, outD2, m);
            return m;
        }

        private void collect(int node) {
            if (left[node] < 0) {
                for (int i = lo[node], e = hi[node]; i < e; i++) {
                    double dx = lx[i] - qx;
                    double dy = ly[i] - qy;
                    double dz = lz[i] - qz;
                    double d = dx * dx + dy * dy + dz * dz;
                    if (d <= r2) {
                        if (cN == cIdx.length) {
                            cIdx = java.util.Arrays.copyOf(cIdx, 2 * cN);
                            cD = java.util.Arrays.copyOf(cD, 2 * cN);
                        }
                        cIdx[cN] = perm[i];
                        cD[cN] = d;
                        cN++;
                    }
                }
                return;
            }
            if (boxDist2(left[node]) <= r2) {
                collect(left[node]);
            }
            if (boxDist2(right[node]) <= r2) {
                collect(right[node]);
            }
        }

        /** Current pruning distance²: the radius², or the worst kept distance once every heap is full. */
        private double bound() {
            return bnd;
        }

        private void updateBound() {
            if (full < heaps) {
                return;
            }
            double b = 0;
            for (int h = 0; h < heaps; h++) {
                b = Math.max(b, hD[h * cap]);
            }
            bnd = Math.min(b, r2);
        }

        private double boxDist2(int node) {
            int o = 6 * node;
            double d = 0;
            double t = box[o] - qx;
            if (t > 0) {
                d += t * t;
            } else {
                t = qx - box[o + 3];
                if (t > 0) {
                    d += t * t;
                }
            }
            t = box[o + 1] - qy;
            if (t > 0) {
                d += t * t;
            } else {
                t = qy - box[o + 4];
                if (t > 0) {
                    d += t * t;
                }
            }
            t = box[o + 2] - qz;
            if (t > 0) {
                d += t * t;
            } else {
                t = qz - box[o + 5];
                if (t > 0) {
                    d += t * t;
                }
            }
            return d;
        }

        private void search(int node) {
            if (left[node] < 0) {
                for (int i = lo[node], e = hi[node]; i < e; i++) {
                    double dx = lx[i] - qx;
                    double dy = ly[i] - qy;
                    double dz = lz[i] - qz;
                    double d = dx * dx + dy * dy + dz * dz;
                    if (d <= bnd) {
                        int h = heaps == 1 ? 0 : (dx >= 0 ? 1 : 0) | (dy >= 0 ? 2 : 0) | (dz >= 0 ? 4 : 0);
                        offer(h, perm[i], d);
                    }
                }
                return;
            }
            int l = left[node];
            int r = right[node];
            double dl = boxDist2(l);
            double dr = boxDist2(r);
            if (dl <= dr) {
                if (dl <= bound()) {
                    search(l);
                }
                if (dr <= bound()) {
                    search(r);
                }
            } else {
                if (dr <= bound()) {
                    search(r);
                }
                if (dl <= bound()) {
                    search(l);
                }
            }
        }

        private void offer(int h, int p, double d) {
            int o = h * cap;
            int n = hN[h];
            if (n < cap) {
                // sift up in a max-heap
                int i = n;
                while (i > 0) {
                    int parent = (i - 1) >> 1;
                    if (!worse(d, p, hD[o + parent], hIdx[o + parent])) {
                        break;
                    }
                    hD[o + i] = hD[o + parent];
                    hIdx[o + i] = hIdx[o + parent];
                    i = parent;
                }
                hD[o + i] = d;
                hIdx[o + i] = p;
                hN[h] = n + 1;
                if (n + 1 == cap) {
                    full++;
                    updateBound();
                }
                return;
            }
            if (!worse(hD[o], hIdx[o], d, p)) {
                return; // not better than the current worst
            }
            // replace root and sift down
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= cap) {
                    break;
                }
                if (c + 1 < cap && worse(hD[o + c + 1], hIdx[o + c + 1], hD[o + c], hIdx[o + c])) {
                    c++;
                }
                if (!worse(hD[o + c], hIdx[o + c], d, p)) {
                    break;
                }
                hD[o + i] = hD[o + c];
                hIdx[o + i] = hIdx[o + c];
                i = c;
            }
            hD[o + i] = d;
            hIdx[o + i] = p;
            updateBound();
        }
    }

    /** Quickselect on (distance, index): the kk first entries of (d, idx)[a..b] become the kk smallest. */
    static void selectK(double[] d, int[] idx, int a, int b, int kk) {
        int want = kk - 1;
        while (b > a) {
            int m = (a + b) >>> 1;
            double pd = d[m];
            int pi = idx[m];
            int i = a;
            int j = b;
            while (i <= j) {
                while (worse(pd, pi, d[i], idx[i])) {
                    i++;
                }
                while (worse(d[j], idx[j], pd, pi)) {
                    j--;
                }
                if (i <= j) {
                    double td = d[i];
                    d[i] = d[j];
                    d[j] = td;
                    int ti = idx[i];
                    idx[i] = idx[j];
                    idx[j] = ti;
                    i++;
                    j--;
                }
            }
            if (want <= j) {
                b = j;
            } else if (want >= i) {
                a = i;
            } else {
                return;
            }
        }
    }

    /**
     * Appends to {@code out} the tree positions (indexes into {@link #lx}, {@link #perm}) of the points inside the
     * axis-aligned box [min, max] (reduced coordinates); returns the possibly grown array, the count in {@code n[0]}.
     */
    int[] inBox(double minX, double minY, double minZ, double maxX, double maxY, double maxZ, int[] out, int[] n) {
        n[0] = 0;
        if (nodes == 0) {
            return out;
        }
        return inBox(0, minX, minY, minZ, maxX, maxY, maxZ, out, n);
    }

    private int[] inBox(int node, double minX, double minY, double minZ, double maxX, double maxY, double maxZ,
            int[] out, int[] n) {
        int o = 6 * node;
        if (box[o] > maxX || box[o + 1] > maxY || box[o + 2] > maxZ || box[o + 3] < minX || box[o + 4] < minY
                || box[o + 5] < minZ) {
            return out;
        }
        if (left[node] >= 0) {
            out = inBox(left[node], minX, minY, minZ, maxX, maxY, maxZ, out, n);
            return inBox(right[node], minX, minY, minZ, maxX, maxY, maxZ, out, n);
        }
        for (int i = lo[node], e = hi[node]; i < e; i++) {
            if (lx[i] >= minX && lx[i] <= maxX && ly[i] >= minY && ly[i] <= maxY && lz[i] >= minZ && lz[i] <= maxZ) {
                if (n[0] == out.length) {
                    out = java.util.Arrays.copyOf(out, 2 * out.length + 16);
                }
                out[n[0]++] = i;
            }
        }
        return out;
    }

    /** Insertion sort of the first m pairs by (distance, index); m is small. */
    static void sortPairs(int[] outIdx, double[] outD2, int m) {
        for (int i = 1; i < m; i++) {
            int id = outIdx[i];
            double d = outD2[i];
            int j = i - 1;
            while (j >= 0 && (outD2[j] > d || (outD2[j] == d && outIdx[j] > id))) {
                outIdx[j + 1] = outIdx[j];
                outD2[j + 1] = outD2[j];
                j--;
            }
            outIdx[j + 1] = id;
            outD2[j + 1] = d;
        }
    }

    /** Whether (d1, i1) ranks after (d2, i2): farther, or as far with a larger index. */
    static boolean worse(double d1, int i1, double d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

}
