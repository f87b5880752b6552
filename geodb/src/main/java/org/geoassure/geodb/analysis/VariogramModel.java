package org.geoassure.geodb.analysis;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * A variogram model: a nugget plus nested structures, γ(0) = 0 and γ(h) = nugget + Σ γₖ(h) for h ≠ 0.
 * For a bounded model (no linear structure) the covariance is C(h) = total sill − γ(h), with C(0) = total sill.
 *
 * @param nugget nugget effect, ≥ 0
 * @param structures nested structures (may be empty for a pure nugget)
 */
public record VariogramModel(double nugget, List<VariogramStructure> structures) {

    public VariogramModel {
        structures = List.copyOf(Objects.requireNonNull(structures, "structures"));
        if (!Double.isFinite(nugget) || nugget < 0) {
            throw new InvalidContentException("nugget: " + nugget + " must be finite and not negative");
        }
        if (structures.isEmpty() && nugget == 0) {
            throw new InvalidContentException("structures: a model needs a nugget or at least one structure");
        }
    }

    /** A nugget and one isotropic structure. */
    public static VariogramModel of(double nugget, StructureType type, double sill, double range) {
        return new VariogramModel(nugget, List.of(VariogramStructure.isotropic(type, sill, range)));
    }

    /** Whether every structure is bounded, so that a covariance exists. */
    public boolean bounded() {
        return structures.stream().allMatch(s -> s.type().bounded());
    }

    /** Nugget plus the structures' sills (for a bounded model, the variance C(0)). */
    public double totalSill() {
        return nugget + structures.stream().mapToDouble(VariogramStructure::sill).sum();
    }

    /** Semivariance for the separation (dx, dy, dz); 0 for a zero separation. */
    public double gamma(double dx, double dy, double dz) {
        if (dx == 0 && dy == 0 && dz == 0) {
            return 0;
        }
        double g = nugget;
        for (VariogramStructure s : structures) {
            g += s.gamma(dx, dy, dz);
        }
        return g;
    }

    /**
     * Covariance C(h) = total sill − γ(h).
     *
     * @throws InvalidContentException when the model is unbounded
     */
    public double covariance(double dx, double dy, double dz) {
        if (!bounded()) {
            throw new InvalidContentException("structures: a linear structure has no covariance");
        }
        return totalSill() - gamma(dx, dy, dz);
    }
}
