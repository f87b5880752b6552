package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Data for variography and estimation: n points (x east, y north, z up, metres) with one value each. For 2D data
 * give z = 0 everywhere. The arrays are copied on the way in and out.
 *
 * @param x east coordinates
 * @param y north coordinates
 * @param z elevations
 * @param v values
 */
public record Samples(double[] x, double[] y, double[] z, double[] v) {

    public Samples {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(z, "z");
        Objects.requireNonNull(v, "v");
        int n = x.length;
        if (y.length != n || z.length != n || v.length != n) {
            throw new InvalidContentException("samples: x, y, z and v have different lengths (" + n + ", " + y.length
                    + ", " + z.length + ", " + v.length + ")");
        }
        x = x.clone();
        y = y.clone();
        z = z.clone();
        v = v.clone();
        String[] names = {"x", "y", "z", "v"};
        double[][] cols = {x, y, z, v};
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(cols[c][i])) {
                    throw new InvalidContentException("samples: " + names[c] + "[" + i + "] = " + cols[c][i]
                            + " is not finite");
                }
            }
        }
    }

    /** 2D samples (z = 0). */
    public static Samples of2d(double[] x, double[] y, double[] v) {
        return new Samples(x, y, new double[x.length], v);
    }

    /** Number of samples. */
    public int size() {
        return x.length;
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] z() {
        return z.clone();
    }

    @Override
    public double[] v() {
        return v.clone();
    }
}
