package org.geoassure.geodb.hazard;

/** Which value of the fracture-zone formulas is the design height. */
public enum DesignHeight {
    /** Formula 1 central value plus its band (the default: the upper end of the band). */
    FORMULA1_UPPER,
    /** Formula 1 central value, no band. */
    FORMULA1_CENTRAL,
    /** Formula 2 (gently inclined and inclined seams only). */
    FORMULA2,
    /** The larger of formula 1 upper and formula 2 (formula 1 upper where there is no formula 2). */
    LARGER_OF_BOTH
}
