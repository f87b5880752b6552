package org.geoassure.geodb.hazard;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Coefficients of the empirical water-conducting fracture zone formulas for one overburden class, fully caved
 * longwall mining (H in m, ΣM the cumulative mined thickness in m, M the mined thickness and h the stage height of a
 * steep seam in m):
 * <ul>
 *   <li>formula 1 (gently inclined &lt; 25° and inclined 25–45° seams): H = 100·ΣM / (a·ΣM + b) ± band;</li>
 *   <li>formula 2 (same seams): H = k·√ΣM + c (NaN coefficients when the table gives none);</li>
 *   <li>steep seams &gt; 45°: H = 100·M·h / (steepA·h + steepB) ± steepBand (NaN when the table gives none).</li>
 * </ul>
 *
 * @param overburden the class these coefficients are for
 * @param a formula 1 coefficient of ΣM in the denominator
 * @param b formula 1 constant of the denominator (m)
 * @param band formula 1 ± band (m)
 * @param k formula 2 coefficient (m^½), NaN when absent
 * @param c formula 2 constant (m), NaN when absent
 * @param steepA steep-seam coefficient of h in the denominator, NaN when absent
 * @param steepB steep-seam constant of the denominator (m), NaN when absent
 * @param steepBand steep-seam ± band (m), NaN when absent
 * @param source where the numbers come from
 * @param confidence how sure we are of them
 */
public record FractureCoefficients(Overburden overburden, double a, double b, double band, double k, double c,
        double steepA, double steepB, double steepBand, String source, String confidence) {
    /** Source of {@link #standard2017}. */
    public static final String STANDARD_2017 = "建筑物、水体、铁路及主要井巷煤柱留设与压煤开采规范 (2017), table of "
            + "fracture-zone formulas for fully caved longwall mining, as copied in a public scanned text; coefficients "
            + "and clause number unverified against the standard's own text";

    public FractureCoefficients {
        Objects.requireNonNull(overburden, "overburden");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        if (!(a > 0) || !(b >= 0) || !(band >= 0) || !Double.isFinite(a + b + band)) {
            throw new InvalidContentException("coefficients " + overburden.label()
                    + ": formula 1 needs a > 0, b >= 0, band >= 0");
        }
        if (Double.isNaN(k) != Double.isNaN(c) || k < 0) {
            throw new InvalidContentException("coefficients " + overburden.label()
                    + ": formula 2 needs both k >= 0 and c, or neither (NaN)");
        }
        boolean steep = !Double.isNaN(steepA) || !Double.isNaN(steepB) || !Double.isNaN(steepBand);
        if (steep && !(steepA > 0 && steepB >= 0 && steepBand >= 0)) {
            throw new InvalidContentException("coefficients " + overburden.label()
                    + ": steep-seam formula needs steepA > 0, steepB >= 0, steepBand >= 0, or all NaN");
        }
    }

    /**
     * The table as quoted from the 2017 standard (see {@link #STANDARD_2017}; confidence medium):
     * hard 100ΣM/(1.2ΣM + 2.0) ± 8.9, 30√ΣM + 10, steep 100Mh/(4.1h + 133) ± 8.4;
     * medium hard 100ΣM/(1.6ΣM + 3.6) ± 5.6, 20√ΣM + 10, steep 100Mh/(7.5h + 293) ± 7.3;
     * soft 100ΣM/(3.1ΣM + 5.0) ± 4.0, 10√ΣM + 5, steep as medium hard;
     * very soft 100ΣM/(5.0ΣM + 8.0) ± 3.0, no formula 2, no steep formula.
     */
    public static FractureCoefficients standard2017(Overburden o) {
        double nan = Double.NaN;
        return switch (o) {
            case HARD -> new FractureCoefficients(o, 1.2, 2.0, 8.9, 30, 10, 4.1, 133, 8.4, STANDARD_2017, "medium");
            case MEDIUM_HARD -> new FractureCoefficients(o, 1.6, 3.6, 5.6, 20, 10, 7.5, 293, 7.3, STANDARD_2017,
                    "medium");
            case SOFT -> new FractureCoefficients(o, 3.1, 5.0, 4.0, 10, 5, 7.5, 293, 7.3, STANDARD_2017, "medium");
            case VERY_SOFT -> new FractureCoefficients(o, 5.0, 8.0, 3.0, nan, nan, nan, nan, nan, STANDARD_2017,
                    "medium");
        };
    }

    /** Formula 1 central value 100ΣM / (aΣM + b) (m). */
    public double formula1(double sumM) {
        return 100 * sumM / (a * sumM + b);
    }

    /** Formula 2 value k√ΣM + c (m); NaN when the table has no formula 2 for this class. */
    public double formula2(double sumM) {
        return k * Math.sqrt(sumM) + c;
    }

    /** Steep-seam central value 100·M·h / (steepA·h + steepB) (m); NaN when there is no steep formula. */
    public double steep(double m, double h) {
        return 100 * m * h / (steepA * h + steepB);
    }
}
