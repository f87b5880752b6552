package org.geoassure.geodb.analysis.internal;

/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive definite n × n matrix stored row-major in a double[]
 * (Golub &amp; Van Loan, algorithm 4.2.1, row-oriented). Reusable: one instance per thread.
 */
public final class DenseCholesky {
    private double[] l = new double[0];
    private int n;

    /** Factorises the first n × n entries of {@code m} (copied; only the lower triangle is read). */
    public boolean factor(double[] m, int size) {
        n = size;
        if (l.length < n * n) {
            l = new double[n * n];
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(m[i * n + i]));
        }
        double tiny = scale * 1e-13;
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = m[ri + j];
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    if (!(s > tiny)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
        }
        return true;
    }

    /** Solves A x = b for the last factorised A, overwriting the first n entries of b with x. */
    public void solve(double[] b) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * b[k];
            }
            b[i] = s / l[ri + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }
}
