package org.geoassure.geodb.analysis.internal;

import java.util.Arrays;

/**
 * k-nearest search along one row of equally spaced query points (a row of grid cells), exploiting that consecutive
 * queries are close. Once per row it gathers, from the k-d tree, every point within a radius {@code R} of the row's
 * segment (the capsule around it), bucketed by the cell each point projects nearest to. A query at cell i with a
 * search ball of radius {@code b ≤ R} then reads only the buckets the ball's extent along the row covers and keeps the
 * points within {@code b}: every point within b of cell i lies within R of the segment, so it is in those buckets.
 * The k nearest are chosen exactly as {@link KdTree.Cursor#nearest} chooses them (same squared distances, computed the
 * same way from the same coordinates; ties by the smaller index), so the answer is the same; a ball wider than R is
 * refused (the caller asks the tree). Reused from row to row; not thread-safe.
 */
public final class RowWindow {
    private final KdTree tree;
    private final int k;
    private int[] box = new int[256];
    private final int[] boxN = new int[1];
    private int[] bucketStart = new int[2];
    private int[] bucketed = new int[256];
    private double[] bx = new double[256]; // coordinates and sample index in bucket order, read sequentially
    private double[] by = new double[256];
    private double[] bz = new double[256];
    private int[] bi = new int[256];
    private int[] bucketOf = new int[256];
    private double[] cD = new double[64];
    private int[] cIdx = new int[64];
    private int cells;
    private double radius = -1;
    private double stepLength;

    /** A window for the k nearest over that tree. */
    public RowWindow(KdTree tree, int k) {
        this.tree = tree;
        this.k = k;
    }

    /**
     * Gathers the points within {@code r} of the segment from cell 0 at (u0, v0, w0) to cell {@code n - 1} at
     * (u1, v1, w1) (reduced coordinates), n ≥ 2.
     */
    public void begin(double u0, double v0, double w0, double u1, double v1, double w1, int n, double r) {
        cells = n;
        radius = r;
        double su = (u1 - u0) / (n - 1);
        double sv = (v1 - v0) / (n - 1);
        double sw = (w1 - w0) / (n - 1);
        double s2 = su * su + sv * sv + sw * sw;
        stepLength = Math.sqrt(s2);
        if (!(stepLength > 0)) {
            radius = -1; // a degenerate row: every query goes to the tree
            return;
        }
        double pad = r * (1 + 1e-9) + 1e-12;
        box = tree.inBox(Math.min(u0, u1) - pad, Math.min(v0, v1) - pad, Math.min(w0, w1) - pad,
                Math.max(u0, u1) + pad, Math.max(v0, v1) + pad, Math.max(w0, w1) + pad, box, boxN);
        int m = boxN[0];
        if (bucketStart.length < n + 1) {
            bucketStart = new int[n + 1];
        } else {
            Arrays.fill(bucketStart, 0, n + 1, 0);
        }
        if (bucketOf.length < m) {
            bucketOf = new int[m];
            bucketed = new int[m];
        }
        double lim = pad * pad;
        int kept = 0;
        for (int a = 0; a < m; a++) {
            int p = box[a];
            double du = tree.lx[p] - u0;
            double dv = tree.ly[p] - v0;
            double dw = tree.lz[p] - w0;
            double t = (du * su + dv * sv + dw * sw) / s2; // position along the row in cells
            double tc = Math.max(0, Math.min(n - 1, t));
            double eu = du - tc * su;
            double ev = dv - tc * sv;
            double ew = dw - tc * sw;
            if (eu * eu + ev * ev + ew * ew > lim) {
                continue; // farther than r from the segment (generously rounded)
            }
            int b = (int) Math.floor(tc + 0.5);
            box[kept] = p;
            bucketOf[kept] = b;
            kept++;
            bucketStart[b + 1]++;
        }
        for (int b = 0; b < n; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] fill = Arrays.copyOf(bucketStart, n);
        for (int a = 0; a < kept; a++) {
            bucketed[fill[bucketOf[a]]++] = box[a];
        }
        if (bx.length < kept) {
            bx = new double[kept];
            by = new double[kept];
            bz = new double[kept];
            bi = new int[kept];
        }
        for (int a = 0; a < kept; a++) {
            int p = bucketed[a];
            bx[a] = tree.lx[p];
            by[a] = tree.ly[p];
            bz[a] = tree.lz[p];
            bi[a] = tree.perm[p];
        }
    }

    /** Forgets the row: {@link #nearest} refuses until the next {@link #begin}. */
    public void end() {
        radius = -1;
    }

    /**
     * The k nearest points within {@code ball} of cell {@code i} at (x, y, z) (reduced coordinates), as
     * {@link KdTree.Cursor#nearest} returns them; -1 when the ball is wider than the row's radius (ask the tree).
     */
    public int nearest(int i, double x, double y, double z, double ball, int[] outIdx, double[] outD2) {
        if (!(ball <= radius) || i < 0 || i >= cells) {
            return -1;
        }
        double reach = ball / stepLength + 1e-6;
        int from = Math.max(0, (int) Math.floor(i - reach + 0.5));
        int to = Math.min(cells - 1, (int) Math.floor(i + reach + 0.5));
        double r2 = ball * ball;
        double[] xs = bx;
        double[] ys = by;
        double[] zs = bz;
        int[] is = bi;
        int e = bucketStart[to + 1];
        if (cD.length < e - bucketStart[from]) {
            cD = new double[e - bucketStart[from]];
            cIdx = new int[cD.length];
        }
        double[] dd = cD;
        int[] ii = cIdx;
        int n = 0;
        for (int a = bucketStart[from]; a < e; a++) {
            double dx = xs[a] - x;
            double dy = ys[a] - y;
            double dz = zs[a] - z;
            double d = dx * dx + dy * dy + dz * dz;
            dd[n] = d; // written always, kept only when inside the ball (no branch to mispredict)
            ii[n] = is[a];
            n += d <= r2 ? 1 : 0;
        }
        return sortedNearest(dd, ii, n, r2, outIdx, outD2);
    }

    private int[] bins = new int[65];
    private int[] binOf = new int[64];
    private double[] sD = new double[64];
    private int[] sIdx = new int[64];

    /**
     * Sorts the n pairs by (distance, index) and writes the first k: a counting sort into bins of d² (monotone in
     * d², so the bins come out in order), then an insertion sort that only has to order each bin's few pairs.
     */
    private int sortedNearest(double[] d, int[] idx, int n, double r2, int[] outIdx, double[] outD2) {
        int nb = Math.max(1, Integer.highestOneBit(Math.max(1, n)) * 2);
        if (bins.length < nb + 1) {
            bins = new int[nb + 1];
        }
        if (binOf.length < n) {
            binOf = new int[d.length];
            sD = new double[d.length];
            sIdx = new int[d.length];
        }
        Arrays.fill(bins, 0, nb + 1, 0);
        double scale = r2 > 0 ? nb / r2 : 0;
        for (int a = 0; a < n; a++) {
            int b = Math.min(nb - 1, (int) (d[a] * scale));
            binOf[a] = b;
            bins[b + 1]++;
        }
        for (int b = 0; b < nb; b++) {
            bins[b + 1] += bins[b];
        }
        for (int a = 0; a < n; a++) {
            int at = bins[binOf[a]]++;
            sD[at] = d[a];
            sIdx[at] = idx[a];
        }
        KdTree.sortPairs(sIdx, sD, n);
        int m = Math.min(n, k);
        System.arraycopy(sIdx, 0, outIdx, 0, m);
        System.arraycopy(sD, 0, outD2, 0, m);
        return m;
    }

}
