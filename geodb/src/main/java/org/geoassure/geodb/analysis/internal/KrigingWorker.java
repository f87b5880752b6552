package org.geoassure.geodb.analysis.internal;

import java.util.Arrays;

/**
 * Builds and solves one kriging system per call. When the sample set equals the previous call's (common when
 * consecutive grid cells share their neighbours) the LU factors are reused and only the right-hand side is
 * rebuilt; the result is bitwise the same as a fresh solve.
 */
public final class KrigingWorker implements Worker {
    /** Kriging variants: simple, ordinary, universal. */
    public static final int SIMPLE = 0;
    public static final int ORDINARY = 1;
    public static final int UNIVERSAL = 2;

    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] sv;
    private final Kernel k;
    private final int kind;
    private final double mean;
    private final boolean[] drift;
    private final int nDrift;
    private final double[] disc; // (dx, dy, dz, w) per point, or null for a point estimate
    private final double cvv;
    private final DenseLu lu = new DenseLu();
    private int[] prev = new int[0];
    private int prevN = -1;
    private boolean prevOk;
    private double[] mat = new double[0];
    private double[] rhs = new double[0];
    private double[] sol = new double[0];
    private double cx;
    private double cy;
    private double cz;

    /**
     * @param disc block discretisation (dx, dy, dz, w) per point, or null for point kriging
     */
    public KrigingWorker(double[] x, double[] y, double[] z, double[] v, Kernel kernel, int kind, double mean,
            boolean[] drift, double[] disc) {
        sx = x;
        sy = y;
        sz = z;
        sv = v;
        k = kernel;
        this.kind = kind;
        this.mean = mean;
        this.drift = drift.clone();
        int d = 0;
        for (boolean b : drift) {
            d += b ? 1 : 0;
        }
        nDrift = d;
        this.disc = disc;
        if (disc == null) {
            cvv = kernel.base();
        } else {
            double s = 0;
            int m = disc.length / 4;
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < m; q++) {
                    s += disc[4 * p + 3] * disc[4 * q + 3] * kernel.covNoNugget(disc[4 * p] - disc[4 * q],
                            disc[4 * p + 1] - disc[4 * q + 1], disc[4 * p + 2] - disc[4 * q + 2]);
                }
            }
            cvv = s;
        }
    }

    /** C̄(V, V) of the estimated support: C(0) for a point, the block average otherwise. */
    public double supportVariance() {
        return cvv;
    }

    @Override
    public void estimate(int[] idx, int n, double x, double y, double z, double[] out) {
        Arrays.sort(idx, 0, n);
        int size = n + (kind == SIMPLE ? 0 : 1) + (kind == UNIVERSAL ? nDrift : 0);
        if (size > rhs.length) {
            rhs = new double[size];
            sol = new double[size];
            mat = new double[size * size];
        }
        boolean same = n == prevN && Arrays.equals(idx, 0, n, prev, 0, n);
        if (!same) {
            if (prev.length < n) {
                prev = new int[Math.max(n, 2 * prev.length)];
            }
            System.arraycopy(idx, 0, prev, 0, n);
            prevN = n;
            prevOk = factor(idx, n, size);
        }
        if (!prevOk) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        // right-hand side
        for (int i = 0; i < n; i++) {
            int a = idx[i];
            double dx = sx[a] - x;
            double dy = sy[a] - y;
            double dz = sz[a] - z;
            if (disc == null) {
                rhs[i] = k.cov(dx, dy, dz);
            } else {
                double s = 0;
                for (int p = 0; p < disc.length; p += 4) {
                    s += disc[p + 3] * k.cov(dx - disc[p], dy - disc[p + 1], dz - disc[p + 2]);
                }
                rhs[i] = s;
            }
        }
        int r = n;
        if (kind != SIMPLE) {
            rhs[r++] = 1;
        }
        if (kind == UNIVERSAL) {
            double[] c = {x - cx, y - cy, z - cz};
            if (disc != null) {
                for (int p = 0; p < disc.length; p += 4) {
                    c[0] += disc[p + 3] * disc[p];
                    c[1] += disc[p + 3] * disc[p + 1];
                    c[2] += disc[p + 3] * disc[p + 2];
                }
            }
            for (int a = 0; a < 3; a++) {
                if (drift[a]) {
                    rhs[r++] = c[a];
                }
            }
        }
        System.arraycopy(rhs, 0, sol, 0, size);
        lu.solve(sol);
        double est = 0;
        double var = cvv;
        for (int i = 0; i < size; i++) {
            var -= sol[i] * rhs[i];
        }
        if (kind == SIMPLE) {
            for (int i = 0; i < n; i++) {
                est += sol[i] * (sv[idx[i]] - mean);
            }
            est += mean;
        } else {
            for (int i = 0; i < n; i++) {
                est += sol[i] * sv[idx[i]];
            }
        }
        out[0] = est;
        out[1] = var;
    }

    private boolean factor(int[] idx, int n, int size) {
        for (int i = 0; i < n; i++) {
            int a = idx[i];
            mat[i * size + i] = k.cov(0, 0, 0);
            for (int j = i + 1; j < n; j++) {
                int b = idx[j];
                double c = k.cov(sx[a] - sx[b], sy[a] - sy[b], sz[a] - sz[b]);
                mat[i * size + j] = c;
                mat[j * size + i] = c;
            }
        }
        int r = n;
        if (kind != SIMPLE) {
            for (int i = 0; i < n; i++) {
                mat[i * size + r] = 1;
                mat[r * size + i] = 1;
            }
            for (int j = n; j < size; j++) {
                mat[r * size + j] = 0;
            }
            r++;
        }
        if (kind == UNIVERSAL) {
            cx = 0;
            cy = 0;
            cz = 0;
            for (int i = 0; i < n; i++) {
                cx += sx[idx[i]];
                cy += sy[idx[i]];
                cz += sz[idx[i]];
            }
            cx /= n;
            cy /= n;
            cz /= n;
            double[] c = {cx, cy, cz};
            double[][] s = {sx, sy, sz};
            for (int a = 0; a < 3; a++) {
                if (drift[a]) {
                    for (int i = 0; i < n; i++) {
                        double f = s[a][idx[i]] - c[a];
                        mat[i * size + r] = f;
                        mat[r * size + i] = f;
                    }
                    for (int j = n; j < size; j++) {
                        mat[r * size + j] = 0;
                    }
                    r++;
                }
            }
            for (int i = n; i < size; i++) {
                for (int j = n; j < size; j++) {
                    mat[i * size + j] = 0;
                }
            }
        }
        return lu.factor(mat, size);
    }
}
