package org.geoassure.geodb.analysis.internal;

/** Per-thread estimator state over fixed sample arrays. */
public interface Worker {
    /**
     * Estimates at (x, y, z) from the samples {@code idx[0..n)} (the order does not matter; idx may be reordered).
     * Writes the value to out[0] and the variance (or NaN) to out[1]; NaN value when the system is singular.
     */
    void estimate(int[] idx, int n, double x, double y, double z, double[] out);
}
