package org.geoassure.geodb.analysis;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * An experimental (semi)variogram: for each lag class, the number of pairs N, their mean separation and
 * γ = Σ (vᵢ − vⱼ)² / (2N) (Matheron's estimator, as in GSLIB gamv and gstat). Each unordered pair counts once.
 * Classes without pairs have NaN distance and γ. Arrays are copied on the way out.
 *
 * @param lags the classes
 * @param direction the direction (or omnidirectional)
 * @param pairs pair count per class
 * @param distance mean separation per class (m)
 * @param gamma semivariance per class
 */
public record ExperimentalVariogram(LagClasses lags, VariogramDirection direction, long[] pairs, double[] distance,
        double[] gamma) {

    private static final int CHUNKS = 256;

    public ExperimentalVariogram {
        Objects.requireNonNull(lags, "lags");
        Objects.requireNonNull(direction, "direction");
        pairs = pairs.clone();
        distance = distance.clone();
        gamma = gamma.clone();
    }

    @Override
    public long[] pairs() {
        return pairs.clone();
    }

    @Override
    public double[] distance() {
        return distance.clone();
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    /** Omnidirectional variogram. */
    public static ExperimentalVariogram compute(Samples samples, LagClasses lags) {
        return compute(samples, lags, VariogramDirection.omnidirectional());
    }

    /**
     * Computes the variogram over all n(n−1)/2 pairs, in parallel (common fork-join pool) over blocks of rows; sums
     * are merged in a fixed order, so results do not depend on the number of threads.
     */
    public static ExperimentalVariogram compute(Samples samples, LagClasses lags, VariogramDirection direction) {
        double[] x = samples.x();
        double[] y = samples.y();
        double[] z = samples.z();
        double[] v = samples.v();
        int n = x.length;
        int nc = lags.count();
        double w = lags.width();
        double tol = lags.tolerance();
        boolean adjacent = tol == w / 2;
        double max = lags.maxDistance();
        double max2 = max * max;
        boolean omni = direction.isOmnidirectional();
        double[] u = direction.unitVector();
        double cosTol = Math.cos(Math.toRadians(direction.angularTolerance()));
        double band2 = direction.bandWidth() * direction.bandWidth();
        int chunks = Math.min(CHUNKS, Math.max(1, n));
        double[][] acc = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            long[] np = new long[nc];
            double[] sd = new double[nc];
            double[] sg = new double[nc];
            // rows c, c + chunks, ... : balances the triangular work
            for (int i = c; i < n; i += chunks) {
                double xi = x[i];
                double yi = y[i];
                double zi = z[i];
                double vi = v[i];
                for (int j = i + 1; j < n; j++) {
                    double dx = x[j] - xi;
                    double dy = y[j] - yi;
                    double dz = z[j] - zi;
                    double h2 = dx * dx + dy * dy + dz * dz;
                    if (h2 > max2) {
                        continue;
                    }
                    if (!omni && h2 > 0) {
                        double along = dx * u[0] + dy * u[1] + dz * u[2];
                        double a2 = along * along;
                        if (a2 < cosTol * cosTol * h2 || h2 - a2 > band2) {
                            continue;
                        }
                    }
                    double h = Math.sqrt(h2);
                    double dv = v[j] - vi;
                    double g = dv * dv;
                    if (adjacent) {
                        int k = h == 0 ? 0 : (int) Math.ceil(h / w) - 1;
                        if (k < nc) {
                            np[k]++;
                            sd[k] += h;
                            sg[k] += g;
                        }
                    } else {
                        for (int k = 0; k < nc; k++) {
                            double centre = (k + 0.5) * w;
                            double lo = centre - tol;
                            if ((h > lo || (h == 0 && lo <= 0)) && h <= centre + tol) {
                                np[k]++;
                                sd[k] += h;
                                sg[k] += g;
                            }
                        }
                    }
                }
            }
            double[] r = new double[3 * nc];
            for (int k = 0; k < nc; k++) {
                r[k] = np[k];
                r[nc + k] = sd[k];
                r[2 * nc + k] = sg[k];
            }
            acc[c] = r;
        });
        long[] np = new long[nc];
        double[] dist = new double[nc];
        double[] gam = new double[nc];
        for (int c = 0; c < chunks; c++) {
            for (int k = 0; k < nc; k++) {
                np[k] += (long) acc[c][k];
                dist[k] += acc[c][nc + k];
                gam[k] += acc[c][2 * nc + k];
            }
        }
        for (int k = 0; k < nc; k++) {
            dist[k] = np[k] == 0 ? Double.NaN : dist[k] / np[k];
            gam[k] = np[k] == 0 ? Double.NaN : gam[k] / (2.0 * np[k]);
        }
        return new ExperimentalVariogram(lags, direction, np, dist, gam);
    }
}
