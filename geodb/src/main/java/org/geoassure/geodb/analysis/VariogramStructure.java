package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * One nested structure of a variogram model: γ(h) = sill · type(reduced distance of h in the ellipsoid).
 *
 * @param type shape
 * @param sill partial sill (for {@link StructureType#LINEAR}, the value at one range), ≥ 0
 * @param ellipsoid ranges and orientation (ranges are practical ranges)
 */
public record VariogramStructure(StructureType type, double sill, Ellipsoid ellipsoid) {

    public VariogramStructure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ellipsoid, "ellipsoid");
        if (!Double.isFinite(sill) || sill < 0) {
            throw new InvalidContentException("sill: " + sill + " must be finite and not negative");
        }
    }

    /** An isotropic structure. */
    public static VariogramStructure isotropic(StructureType type, double sill, double range) {
        return new VariogramStructure(type, sill, Ellipsoid.isotropic(range));
    }

    /** Semivariance of this structure alone for the separation (dx, dy, dz). */
    public double gamma(double dx, double dy, double dz) {
        return sill * type.gamma(ellipsoid.reducedDistance(dx, dy, dz));
    }
}
