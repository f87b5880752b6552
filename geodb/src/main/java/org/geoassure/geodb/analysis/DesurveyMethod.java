package org.geoassure.geodb.analysis;

import java.util.Locale;

/**
 * How the path between two survey stations is reconstructed. See the package documentation for the
 * formulas.
 */
public enum DesurveyMethod {
    /** Circular arc between stations (industry standard; exact for constant-curvature courses). */
    MINIMUM_CURVATURE("minimum-curvature"),
    /** Straight course along the lower (second) station's direction: ΔP = ΔMD·t₂. */
    TANGENT("tangent"),
    /** Half the course along each station's direction: ΔP = ΔMD/2·(t₁ + t₂). */
    BALANCED_TANGENT("balanced-tangent");

    private final String label;

    DesurveyMethod(String label) {
        this.label = label;
    }

    /** The external name: {@code "minimum-curvature"}, {@code "tangent"} or {@code "balanced-tangent"}. */
    public String label() {
        return label;
    }

    /**
     * Parses an external name. Case is ignored and underscores are accepted for hyphens, so
     * {@code "Minimum_Curvature"} and {@code "MINIMUM-CURVATURE"} both give {@link #MINIMUM_CURVATURE}.
     *
     * @param s the name; leading and trailing blanks are ignored
     * @return the method
     * @throws IllegalArgumentException if {@code s} is null or names no method (the message lists the names)
     */
    public static DesurveyMethod parse(String s) {
        if (s != null) {
            String key = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DesurveyMethod m : values()) {
                if (m.label.equals(key)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown desurvey method '" + s
                + "' (expected minimum-curvature, tangent or balanced-tangent)");
    }

    @Override
    public String toString() {
        return label;
    }
}
