package org.geoassure.geodb.hazard.warning;

import org.geoassure.geodb.InvalidContentException;

/**
 * The two limits of one warning level of a {@link ThresholdRule} or {@link RateRule}: the level is raised when the
 * signal passes {@code raise} (strictly) and, once raised, it holds until the signal comes back to {@code clear} or
 * beyond. The gap between the two is the hysteresis that keeps an alert from flapping on noise. For a rule on
 * {@link Bound#ABOVE} the clear limit is at most the raise limit; for {@link Bound#BELOW} at least.
 *
 * @param raise the limit the signal must pass for the level to be raised (same unit as the signal)
 * @param clear the limit the signal must come back to for the level to be left; equal to {@code raise} for no
 *     hysteresis
 */
public record Limit(double raise, double clear) {
    public Limit {
        if (!Double.isFinite(raise)) {
            throw new InvalidContentException("raise limit " + raise + " is not a finite number");
        }
        if (!Double.isFinite(clear)) {
            throw new InvalidContentException("clear limit " + clear + " is not a finite number");
        }
    }

    /** A limit without hysteresis: raised above (below) {@code limit}, cleared at or below (above) it. */
    public static Limit at(double limit) {
        return new Limit(limit, limit);
    }
}
