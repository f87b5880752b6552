package org.geoassure.geodb.analysis;

/**
 * Shape of one nested variogram structure, as a function of the reduced distance r = h / range (for anisotropic
 * structures the {@linkplain Ellipsoid#reducedDistance reduced distance}), for a unit sill. Ranges are
 * <b>practical</b> ranges (GSLIB's convention): the exponential and gaussian models reach 95% of the sill at r = 1.
 * gstat's {@code "Exp"} range a is r = h/(3a) here (range = 3a), its {@code "Gau"} range a is range = √3·a; its
 * {@code "Sph"} and {@code "Lin"} ranges are the same as here.
 */
public enum StructureType {
    /** γ = 1.5 r − 0.5 r³ for r &lt; 1, 1 beyond. */
    SPHERICAL(true),
    /** γ = 1 − exp(−3 r). */
    EXPONENTIAL(true),
    /** γ = 1 − exp(−3 r²). */
    GAUSSIAN(true),
    /** γ = r: unbounded; the "sill" is the value at r = 1, i.e. the slope is sill / range. */
    LINEAR(false);

    private final boolean bounded;

    StructureType(boolean bounded) {
        this.bounded = bounded;
    }

    /** Whether the structure reaches a sill (has a covariance). */
    public boolean bounded() {
        return bounded;
    }

    /** Unit-sill semivariance at reduced distance r ≥ 0. */
    public double gamma(double r) {
        switch (this) {
            case SPHERICAL:
                return r >= 1 ? 1 : r * (1.5 - 0.5 * r * r);
            case EXPONENTIAL:
                return 1 - Math.exp(-3 * r);
            case GAUSSIAN:
                return 1 - Math.exp(-3 * r * r);
            default:
                return r;
        }
    }
}
