package org.geoassure.geodb.hazard;

import java.util.ArrayList;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;

/**
 * Width of the waterproof coal pillar beside a water-bearing or water-conducting fault, in the commonly quoted form
 * L = 0.5·K·M·√(3p / K_p), and at least a minimum width (20 m). Source of the form: the coal mine water prevention
 * rules' appendix on pillar widths as quoted in secondary sources; unverified against the rules' own text, so every
 * number is a parameter.
 */
public final class FaultPillar {
    /** Source of the formula. */
    public static final String SOURCE = "Coal Mine Water Prevention Rules (煤矿防治水细则, 2018), appendix on "
            + "waterproof pillars, as quoted in secondary sources; formula and clause unverified";

    private FaultPillar() {
    }

    /**
     * The pillar width.
     *
     * @param safetyFactor K, usually 2–5 (dimensionless)
     * @param minedThickness M, the mined thickness or height (m)
     * @param waterPressure p, the water pressure on the pillar (MPa)
     * @param tensileStrength K_p, the coal's tensile strength (MPa)
     * @param minimumWidth the least width allowed (m), 20 by the rules as quoted
     * @param inputs identities of the fault and the pressure source for the explanation
     */
    public static FaultPillarResult width(double safetyFactor, double minedThickness, double waterPressure,
            double tensileStrength, double minimumWidth, List<InputRef> inputs) {
        check(safetyFactor > 0, "safetyFactor", "must be positive", safetyFactor);
        check(minedThickness > 0, "minedThickness", "must be positive (m)", minedThickness);
        check(waterPressure >= 0, "waterPressure", "must be >= 0 (MPa)", waterPressure);
        check(tensileStrength > 0, "tensileStrength", "must be positive (MPa)", tensileStrength);
        check(minimumWidth >= 0, "minimumWidth", "must be >= 0 (m)", minimumWidth);
        double l = 0.5 * safetyFactor * minedThickness * Math.sqrt(3 * waterPressure / tensileStrength);
        double w = Math.max(l, minimumWidth);
        List<String> warnings = new ArrayList<>();
        if (safetyFactor < 2 || safetyFactor > 5) {
            warnings.add("safety factor K = " + safetyFactor + " is outside the usual 2-5");
        }
        List<Parameter> p = List.of(
                new Parameter("K", safetyFactor, "", "caller (usually 2-5)", "caller"),
                new Parameter("M", minedThickness, "m", "caller", "caller"),
                new Parameter("p", waterPressure, "MPa", "caller", "caller"),
                new Parameter("K_p", tensileStrength, "MPa", "caller (coal tensile strength)", "caller"),
                new Parameter("minimum_width", minimumWidth, "m", SOURCE, "low"));
        List<String> methods = List.of(l >= minimumWidth ? "the formula governs" : "the minimum width governs");
        Explanation e = new Explanation("fault_waterproof_pillar",
                "L = 0.5*K*M*sqrt(3*p/K_p) (m), at least minimum_width; " + SOURCE, inputs, p, methods, warnings);
        return new FaultPillarResult(l, w, l < minimumWidth, e);
    }

    /** {@link #width} with the 20 m minimum and no input identities. */
    public static FaultPillarResult width(double safetyFactor, double minedThickness, double waterPressure,
            double tensileStrength) {
        return width(safetyFactor, minedThickness, waterPressure, tensileStrength, 20, List.of());
    }

    private static void check(boolean ok, String field, String rule, double v) {
        if (!ok || !Double.isFinite(v)) {
            throw new InvalidContentException(field + ": " + rule + ", got " + v);
        }
    }
}
