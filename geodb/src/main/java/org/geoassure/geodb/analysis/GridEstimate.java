package org.geoassure.geodb.analysis;

import java.util.Objects;

/**
 * Estimates for every cell of a block model grid, cell (i, j, k) at index i + nx·(j + ny·k). Cells with too few
 * samples in their neighbourhood (or a singular system) hold NaN. The arrays are copied on the way out.
 *
 * @param values estimates per cell
 * @param variances kriging variances per cell (all NaN for inverse distance)
 * @param estimated number of cells with a value
 */
public record GridEstimate(double[] values, double[] variances, long estimated) {

    public GridEstimate {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(variances, "variances");
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] variances() {
        return variances.clone();
    }

    /** Value of one cell by index. */
    public double value(int cell) {
        return values[cell];
    }

    /** Variance of one cell by index. */
    public double variance(int cell) {
        return variances[cell];
    }
}
