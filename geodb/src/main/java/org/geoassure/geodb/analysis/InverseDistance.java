package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Inverse distance weighting: v̂ = Σ wᵢ vᵢ / Σ wᵢ with wᵢ = dᵢ^(−power), where dᵢ is the reduced distance of
 * sample i in the anisotropy ellipsoid (Euclidean distance divided by the radius for an isotropic one; only the
 * ratios of the three lengths and the orientation matter). A sample at distance 0 (within 1e-12 reduced units) takes
 * the estimate: the mean of the coincident samples. No variance.
 *
 * @param power exponent, ≥ 0 (2 is the usual choice; 0 is the moving average)
 * @param anisotropy anisotropy ellipsoid
 */
public record InverseDistance(double power, Ellipsoid anisotropy) implements Estimator {

    public InverseDistance {
        Objects.requireNonNull(anisotropy, "anisotropy");
        if (!Double.isFinite(power) || power < 0) {
            throw new InvalidContentException("power: " + power + " must be finite and not negative");
        }
    }

    /** Isotropic IDW with that power. */
    public static InverseDistance isotropic(double power) {
        return new InverseDistance(power, Ellipsoid.isotropic(1));
    }
}
