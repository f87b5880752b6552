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
    private final DenseCholesky chol = new DenseCholesky();
    private final boolean tryChol;
    private boolean cholOk;
    private double[] ones = new double[0];
    private double onesSum;
    private int[] prev = new int[0];
    private int prevN = -1;
    private boolean prevOk;
    private double[] cov = new double[0];
    private double[] prevCov = new double[0];
    private int[] pos = new int[0];
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
        tryChol = kind != UNIVERSAL && kernel.base() > 0;
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
            int oldN = Math.max(prevN, 0);
            int[] old = prev;
            prev = new int[Math.max(n, old.length)];
            System.arraycopy(idx, 0, prev, 0, n);
            prevN = n;
            prevOk = factor(idx, n, size, old, oldN);
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
        double var = cvv;
        if (cholOk) {
            // Schur complement of the Lagrange row: a = C⁻¹c₀, μ = (1ᵀa − 1)/(1ᵀC⁻¹1), λ = a − μ C⁻¹1
            System.arraycopy(rhs, 0, sol, 0, n);
            chol.solve(sol);
            if (kind == ORDINARY) {
                double sa = 0;
                for (int i = 0; i < n; i++) {
                    sa += sol[i];
                }
                double mu = (sa - 1) / onesSum;
                for (int i = 0; i < n; i++) {
                    sol[i] -= mu * ones[i];
                }
                sol[n] = mu;
            }
        } else {
            System.arraycopy(rhs, 0, sol, 0, size);
            lu.solve(sol);
        }
        double est = 0;
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

    /**
     * Covariances among the new sample set into cov (n × n), copying the entries of pairs that were already in the
     * previous set (both sets are sorted, so a pair keeps its orientation and its value is bitwise the same).
     */
    private void buildCov(int[] idx, int n, int[] old, int oldN) {
        if (cov.length < n * n) {
            cov = new double[n * n];
            pos = new int[n];
        }
        for (int i = 0, o = 0; i < n; i++) {
            while (o < oldN && old[o] < idx[i]) {
                o++;
            }
            pos[i] = o < oldN && old[o] == idx[i] ? o : -1;
        }
        double c0 = k.cov(0, 0, 0);
        for (int i = 0; i < n; i++) {
            int a = idx[i];
            int pi = pos[i];
            cov[i * n + i] = c0;
            for (int j = i + 1; j < n; j++) {
                int pj = pos[j];
                double c;
                if (pi >= 0 && pj >= 0) {
                    c = prevCov[pi * oldN + pj];
                } else {
                    int b = idx[j];
                    c = k.cov(sx[a] - sx[b], sy[a] - sy[b], sz[a] - sz[b]);
                }
                cov[i * n + j] = c;
                cov[j * n + i] = c;
            }
        }
    }

    private boolean factor(int[] idx, int n, int size, int[] old, int oldN) {
        buildCov(idx, n, old, oldN);
        double[] t = prevCov;
        prevCov = cov;
        cov = t;
        double[] cv = prevCov; // the new set's covariances, kept for the next call
        cholOk = false;
        if (tryChol && chol.factor(cv, n)) {
            cholOk = true;
            if (kind == ORDINARY) {
                if (ones.length < n) {
                    ones = new double[n];
                }
                java.util.Arrays.fill(ones, 0, n, 1.0);
                chol.solve(ones);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += ones[i];
                }
                onesSum = sum;
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(cv, i * n, mat, i * size, n);
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
