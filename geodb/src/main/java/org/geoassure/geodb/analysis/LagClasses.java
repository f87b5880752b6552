package org.geoassure.geodb.analysis;

import org.geoassure.geodb.InvalidContentException;

/**
 * Distance classes of an experimental variogram: class i (0-based) is centred at (i + ½)·width and holds the pairs
 * whose separation h satisfies centre − tolerance &lt; h ≤ centre + tolerance (pairs at h = 0, duplicates, go to
 * class 0 when its lower bound is ≤ 0). With the default tolerance width/2 the classes are gstat's (i·w, (i+1)·w],
 * right-closed as gstat bins them (a pair exactly at 200 m with width 100 is in the second class); a larger tolerance makes classes overlap (a pair then counts in several).
 *
 * @param width lag width (m), positive
 * @param count number of classes, 1..10000
 * @param tolerance half-width of each class (m), positive
 */
public record LagClasses(double width, int count, double tolerance) {

    public LagClasses {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new InvalidContentException("lag width: " + width + " must be positive and finite");
        }
        if (count < 1 || count > 10000) {
            throw new InvalidContentException("lag count: " + count + " must be in 1..10000");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new InvalidContentException("lag tolerance: " + tolerance + " must be positive and finite");
        }
    }

    /** Adjacent classes (i·width, (i+1)·width], i &lt; count. */
    public static LagClasses of(double width, int count) {
        return new LagClasses(width, count, width / 2);
    }

    /**
     * gstat's defaults for {@code variogram()}: cutoff = one third of the diagonal of the samples' bounding box, 15
     * adjacent classes of width cutoff/15.
     */
    public static LagClasses gstatDefault(Samples samples) {
        double[][] c = {samples.x(), samples.y(), samples.z()};
        double d2 = 0;
        for (double[] a : c) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            d2 += a.length == 0 ? 0 : (hi - lo) * (hi - lo);
        }
        double cutoff = Math.sqrt(d2) / 3;
        return of(cutoff / 15, 15);
    }

    /** Largest separation any class holds: (count − ½)·width + tolerance. */
    public double maxDistance() {
        return (count - 0.5) * width + tolerance;
    }
}
