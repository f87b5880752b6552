package org.geoassure.geodb.analysis;

import org.geoassure.geodb.InvalidContentException;

/**
 * The direction of a directional experimental variogram: a pair with separation vector h counts when the angle
 * between h and the direction (either sense) is at most {@code angularTolerance} and h's distance from the direction
 * line is at most {@code bandWidth} (GSLIB gamv's tolerance cone truncated by a band; one band for both
 * horizontal and vertical). Unit direction = (cos dip · sin azimuth, cos dip · cos azimuth, sin dip).
 *
 * @param azimuth degrees clockwise from north
 * @param dip degrees, negative downwards, in [−90, 90]
 * @param angularTolerance half-angle of the cone, degrees in (0, 90]; 90 with an infinite band is omnidirectional
 * @param bandWidth largest distance from the direction line (m), positive, may be infinite
 */
public record VariogramDirection(double azimuth, double dip, double angularTolerance, double bandWidth) {

    public VariogramDirection {
        if (!Double.isFinite(azimuth)) {
            throw new InvalidContentException("azimuth: " + azimuth + " must be finite");
        }
        if (!(dip >= -90 && dip <= 90)) {
            throw new InvalidContentException("dip: " + dip + " is outside [-90, 90]");
        }
        if (!(angularTolerance > 0 && angularTolerance <= 90)) {
            throw new InvalidContentException("angular tolerance: " + angularTolerance + " must be in (0, 90]");
        }
        if (!(bandWidth > 0)) {
            throw new InvalidContentException("band width: " + bandWidth + " must be positive");
        }
    }

    /** All directions. */
    public static VariogramDirection omnidirectional() {
        return new VariogramDirection(0, 0, 90, Double.POSITIVE_INFINITY);
    }

    /** Whether every pair counts. */
    public boolean isOmnidirectional() {
        return angularTolerance >= 90 && bandWidth == Double.POSITIVE_INFINITY;
    }

    /** Unit direction vector (east, north, up). */
    public double[] unitVector() {
        double a = Math.toRadians(azimuth);
        double d = Math.toRadians(dip);
        return new double[] {Math.cos(d) * Math.sin(a), Math.cos(d) * Math.cos(a), Math.sin(d)};
    }
}
