package org.geoassure.geodb.analysis.internal;

/**
 * LU factorisation with partial pivoting of a dense n × n matrix stored row-major in a double[], in place
 * (Golub &amp; Van Loan, <i>Matrix Computations</i>, algorithm 3.4.1). Reusable: one instance per thread.
 */
public final class DenseLu {
    private double[] a = new double[0];
    private int[] piv = new int[0];
    private int n;

    /**
     * Factorises the first n × n entries of {@code m} (copied). Returns false when a pivot is zero or tiny relative
     * to the largest entry (singular system).
     */
    public boolean factor(double[] m, int size) {
        n = size;
        if (a.length < n * n) {
            a = new double[n * n];
            piv = new int[n];
        }
        System.arraycopy(m, 0, a, 0, n * n);
        double scale = 0;
        for (int i = 0; i < n * n; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
        }
        double tiny = scale * 1e-14;
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (!(best > tiny)) {
                return false;
            }
            piv[k] = p;
            if (p != k) {
                int rk = k * n;
                int rp = p * n;
                for (int j = 0; j < n; j++) {
                    double t = a[rk + j];
                    a[rk + j] = a[rp + j];
                    a[rp + j] = t;
                }
            }
            double inv = 1 / a[k * n + k];
            int rk = k * n;
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double l = a[ri + k] * inv;
                a[ri + k] = l;
                if (l != 0) {
                    for (int j = k + 1; j < n; j++) {
                        a[ri + j] -= l * a[rk + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A x = b for the last factorised A, overwriting the first n entries of b with x. */
    public void solve(double[] b) {
        for (int k = 0; k < n; k++) {
            int p = piv[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[ri + j] * b[j];
            }
            b[i] = s / a[ri + i];
        }
    }
}
