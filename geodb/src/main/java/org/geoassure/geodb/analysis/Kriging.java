package org.geoassure.geodb.analysis;

import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;

/**
 * Kriging: the best linear unbiased estimator under a variogram model.
 *
 * <ul>
 *   <li><b>Simple</b> (known mean m, bounded model): v̂ = m + Σ λᵢ (vᵢ − m), C λ = c₀,
 *       σ² = C̄(V,V) − λᵀ c₀.</li>
 *   <li><b>Ordinary</b> (unknown constant mean): [C 1; 1ᵀ 0][λ; μ] = [c₀; 1], v̂ = Σ λᵢ vᵢ,
 *       σ² = C̄(V,V) − λᵀ c₀ − μ.</li>
 *   <li><b>Universal</b> with a linear drift: ordinary kriging plus one unbiasedness row per drift term
 *       (x, y and/or z), σ² = C̄(V,V) − λᵀ c₀ − Σ μₖ fₖ(x₀). Drift terms are taken relative to the centroid of the
 *       samples used, which spans the same functions as unscaled x, y, z and keeps the system well conditioned.</li>
 * </ul>
 * C is the covariance A − γ(h); for an unbounded (linear) model A = 0 is used, which ordinary and universal
 * kriging do not depend on (simple kriging needs a bounded model). For a point, C̄(V,V) = C(0) (the total sill);
 * with a {@link BlockDiscretisation}, c₀ and C̄(V,V) are block averages (nugget excluded from C̄(V,V)).
 * Systems are solved by LU with partial pivoting; a singular system gives NaN.
 *
 * @param kind simple, ordinary or universal
 * @param model variogram model
 * @param mean the known mean (simple kriging only, otherwise NaN)
 * @param driftX universal: drift term in x
 * @param driftY universal: drift term in y
 * @param driftZ universal: drift term in z
 * @param block block discretisation, empty for point kriging
 */
public record Kriging(Kind kind, VariogramModel model, double mean, boolean driftX, boolean driftY, boolean driftZ,
        Optional<BlockDiscretisation> block) implements Estimator {

    /** Kriging variant. */
    public enum Kind {
        /** Known mean. */
        SIMPLE,
        /** Unknown constant mean. */
        ORDINARY,
        /** Unknown linear drift. */
        UNIVERSAL
    }

    public Kriging {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(block, "block");
        if (kind == Kind.SIMPLE) {
            if (!Double.isFinite(mean)) {
                throw new InvalidContentException("mean: simple kriging needs a finite mean, got " + mean);
            }
            if (!model.bounded()) {
                throw new InvalidContentException("model: simple kriging needs a bounded model (no linear structure)");
            }
        }
        if (kind != Kind.UNIVERSAL && (driftX || driftY || driftZ)) {
            throw new InvalidContentException("drift: drift terms are for universal kriging only");
        }
        if (kind == Kind.UNIVERSAL && !(driftX || driftY || driftZ)) {
            throw new InvalidContentException("drift: universal kriging needs at least one drift term");
        }
    }

    /** Ordinary point kriging. */
    public static Kriging ordinary(VariogramModel model) {
        return new Kriging(Kind.ORDINARY, model, Double.NaN, false, false, false, Optional.empty());
    }

    /** Simple point kriging with a known mean. */
    public static Kriging simple(VariogramModel model, double mean) {
        return new Kriging(Kind.SIMPLE, model, mean, false, false, false, Optional.empty());
    }

    /** Universal point kriging with a linear drift in the chosen coordinates. */
    public static Kriging universal(VariogramModel model, boolean driftX, boolean driftY, boolean driftZ) {
        return new Kriging(Kind.UNIVERSAL, model, Double.NaN, driftX, driftY, driftZ, Optional.empty());
    }

    /** The same kriging over blocks. */
    public Kriging withBlock(BlockDiscretisation discretisation) {
        return new Kriging(kind, model, mean, driftX, driftY, driftZ, Optional.of(discretisation));
    }
}
