package org.geoassure.geodb.hazard;

import java.util.Arrays;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * One double per cell of an {@link AnalysisGrid}, by cell index {@code j·nx + i}; NaN where there is no value.
 * Infinite values are rejected. The array is copied in; {@link #values()} copies out, {@link #value(int)} reads.
 *
 * @param grid the grid
 * @param values cell values, {@code grid.cells()} long
 */
public record GridValues(AnalysisGrid grid, double[] values) {
    public GridValues {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(values, "values");
        if (values.length != grid.cells()) {
            throw new InvalidContentException("values: " + values.length + " values for a grid of " + grid.cells()
                    + " cells");
        }
        values = values.clone();
        for (int c = 0; c < values.length; c++) {
            if (Double.isInfinite(values[c])) {
                throw new InvalidContentException("values[" + c + "]: infinite (use NaN for no value)");
            }
        }
    }

    /** A grid filled with one value. */
    public static GridValues constant(AnalysisGrid grid, double value) {
        double[] v = new double[grid.cells()];
        Arrays.fill(v, value);
        return new GridValues(grid, v);
    }

    /** Value of cell index {@code c}. */
    public double value(int c) {
        return values[c];
    }

    /** Value of cell (i, j). */
    public double value(int i, int j) {
        return values[j * grid.nx() + i];
    }

    /** Copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The values without copying, for this package's hot paths. */
    double[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridValues g && grid.equals(g.grid) && Arrays.equals(values, g.values);
    }

    @Override
    public int hashCode() {
        return 31 * grid.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "GridValues[" + grid + "]";
    }
}
