package org.geoassure.geodb.analysis;

import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * Which samples take part in one estimate: the {@code maxSamples} nearest (by reduced distance in the search
 * ellipsoid, i.e. anisotropic distance) inside the ellipsoid, at most {@code maxPerOctant} in each octant of the
 * ellipsoid's own axes when that is positive; fewer than {@code minSamples} found leaves the estimate undefined
 * (NaN).
 *
 * @param search search ellipsoid (orientation and radii)
 * @param maxSamples most samples used, ≥ 1
 * @param minSamples fewest samples for an estimate, 1 ≤ minSamples ≤ maxSamples
 * @param maxPerOctant most samples per octant, 0 for no octant limit
 */
public record Neighbourhood(Ellipsoid search, int maxSamples, int minSamples, int maxPerOctant) {

    public Neighbourhood {
        Objects.requireNonNull(search, "search");
        if (maxSamples < 1) {
            throw new InvalidContentException("maxSamples: " + maxSamples + " must be at least 1");
        }
        if (minSamples < 1 || minSamples > maxSamples) {
            throw new InvalidContentException("minSamples: " + minSamples + " must be in 1.." + maxSamples);
        }
        if (maxPerOctant < 0) {
            throw new InvalidContentException("maxPerOctant: " + maxPerOctant + " must not be negative");
        }
    }

    /** An isotropic neighbourhood: the n nearest within radius, at least one, no octants. */
    public static Neighbourhood nearest(int n, double radius) {
        return new Neighbourhood(Ellipsoid.isotropic(radius), n, 1, 0);
    }
}
