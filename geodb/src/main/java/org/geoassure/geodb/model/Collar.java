package org.geoassure.geodb.model;

import java.util.Objects;

/**
 * A borehole collar in the workspace CRS: x east, y north, z elevation (up), metres.
 *
 * @param holeId stable hole identifier, unique in the workspace
 * @param x easting (or longitude for a geographic CRS)
 * @param y northing (or latitude)
 * @param z collar elevation
 * @param totalDepth total depth along the hole, or NaN when not given
 * @param azimuth collar azimuth (degrees clockwise from grid north), or NaN when not given
 * @param dip collar dip (degrees, negative down), or NaN when not given
 */
public record Collar(String holeId, double x, double y, double z, double totalDepth, double azimuth, double dip) {
    public Collar {
        Objects.requireNonNull(holeId, "holeId");
        if (holeId.isBlank()) {
            throw new IllegalArgumentException("holeId is blank");
        }
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("collar " + holeId + " has a non-finite coordinate");
        }
    }

    /** A collar without total depth or orientation. */
    public static Collar of(String holeId, double x, double y, double z) {
        return new Collar(holeId, x, y, z, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether a collar orientation (azimuth and dip) was given. */
    public boolean hasOrientation() {
        return !Double.isNaN(azimuth) && !Double.isNaN(dip);
    }
}
