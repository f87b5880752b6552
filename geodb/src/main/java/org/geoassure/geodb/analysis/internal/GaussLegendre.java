package org.geoassure.geodb.analysis.internal;

/** Gauss–Legendre quadrature on [−1, 1] by Newton iteration on the Legendre polynomial's roots. */
public final class GaussLegendre {
    private GaussLegendre() {
    }

    /** n nodes and weights interleaved (x₀, w₀, x₁, w₁, …), nodes increasing; weights sum to 2. */
    public static double[] rule(int n) {
        double[] out = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double x = -Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) {
                    p1 = x;
                    p0 = 1;
                }
                // p1 = P_n(x), p0 = P_{n-1}(x)
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            out[2 * i] = x;
            out[2 * i + 1] = 2 / ((1 - x * x) * dp * dp);
        }
        return out;
    }
}
