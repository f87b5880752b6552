package org.geoassure.geodb.hazard.warning;

/** Which side of its limits makes a {@link ThresholdRule} or {@link RateRule} raise a level. */
public enum Bound {
    /** Raised when the signal is strictly greater than the raise limit; cleared when it is at or below the clear limit. */
    ABOVE,
    /** Raised when the signal is strictly less than the raise limit; cleared when it is at or above the clear limit. */
    BELOW;

    /** +1 for {@link #ABOVE}, -1 for {@link #BELOW}: multiplying signal and limits by it turns BELOW into ABOVE. */
    public int sign() {
        return this == ABOVE ? 1 : -1;
    }

    /** The rules-file key, {@code above} or {@code below}. */
    public String key() {
        return this == ABOVE ? "above" : "below";
    }
}
