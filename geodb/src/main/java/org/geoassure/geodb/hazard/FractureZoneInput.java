package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.InvalidContentException;

/**
 * What {@link FractureZone#compute} needs.
 *
 * @param minedThickness ΣM, the cumulative mined thickness (m), or M for a steep seam; positive
 * @param overburden overburden strength class
 * @param dip seam dip in degrees, 0..90 (0 when unknown: gently inclined)
 * @param stageHeight mined stage height h (m) for steep seams (&gt; 45°); NaN otherwise
 * @param aquiferDistance vertical distance (m) from the seam roof to the aquifer's base; NaN when not assessed
 * @param protectiveLayer protective layer thickness (m) required between the fracture zone and the aquifer; 0 by
 *     default (the standard's protective-layer table is not built in)
 * @param design which value is the design height
 * @param coefficients the formula coefficients; the 2017 table by default
 * @param inputs identities of the inputs (seam, aquifer surface) for the explanation
 */
public record FractureZoneInput(double minedThickness, Overburden overburden, double dip, double stageHeight,
        double aquiferDistance, double protectiveLayer, DesignHeight design, FractureCoefficients coefficients,
        List<InputRef> inputs) {
    public FractureZoneInput {
        Objects.requireNonNull(overburden, "overburden");
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(coefficients, "coefficients");
        inputs = List.copyOf(inputs);
        if (!(minedThickness > 0) || !Double.isFinite(minedThickness)) {
            throw new InvalidContentException("miningHeight: must be positive (m), got " + minedThickness);
        }
        if (!(dip >= 0 && dip <= 90)) {
            throw new InvalidContentException("dip: must be in [0, 90] degrees, got " + dip);
        }
        if (dip > 45 && !(stageHeight > 0 && Double.isFinite(stageHeight))) {
            throw new InvalidContentException("stageHeight: a steep seam (dip " + dip
                    + " > 45) needs the mined stage height h > 0 (m)");
        }
        if (!Double.isNaN(aquiferDistance) && !(aquiferDistance >= 0 && Double.isFinite(aquiferDistance))) {
            throw new InvalidContentException("aquiferDistance: must be >= 0 (m), got " + aquiferDistance);
        }
        if (!(protectiveLayer >= 0) || !Double.isFinite(protectiveLayer)) {
            throw new InvalidContentException("protectiveLayer: must be >= 0 (m), got " + protectiveLayer);
        }
        if (coefficients.overburden() != overburden) {
            throw new InvalidContentException("coefficients: for " + coefficients.overburden().label()
                    + ", not for " + overburden.label());
        }
    }

    /** A gently inclined seam with the 2017 coefficients, design = formula 1 upper, no aquifer distance. */
    public static FractureZoneInput of(double minedThickness, Overburden overburden) {
        return new FractureZoneInput(minedThickness, overburden, 0, Double.NaN, Double.NaN, 0,
                DesignHeight.FORMULA1_UPPER, FractureCoefficients.standard2017(overburden), List.of());
    }

    /** This input with a seam dip (degrees) and, for steep seams, the stage height (m; NaN otherwise). */
    public FractureZoneInput withDip(double dipDegrees, double stage) {
        return new FractureZoneInput(minedThickness, overburden, dipDegrees, stage, aquiferDistance, protectiveLayer,
                design, coefficients, inputs);
    }

    /** This input with the distance (m) from the seam roof to the aquifer above. */
    public FractureZoneInput withAquiferDistance(double distance) {
        return new FractureZoneInput(minedThickness, overburden, dip, stageHeight, distance, protectiveLayer, design,
                coefficients, inputs);
    }

    /** This input with a protective layer thickness (m). */
    public FractureZoneInput withProtectiveLayer(double thickness) {
        return new FractureZoneInput(minedThickness, overburden, dip, stageHeight, aquiferDistance, thickness, design,
                coefficients, inputs);
    }

    /** This input with another design-height choice. */
    public FractureZoneInput withDesign(DesignHeight choice) {
        return new FractureZoneInput(minedThickness, overburden, dip, stageHeight, aquiferDistance, protectiveLayer,
                choice, coefficients, inputs);
    }

    /** This input with other coefficients (e.g. calibrated on the mine's own measurements). */
    public FractureZoneInput withCoefficients(FractureCoefficients c) {
        return new FractureZoneInput(minedThickness, overburden, dip, stageHeight, aquiferDistance, protectiveLayer,
                design, c, inputs);
    }

    /** This input with the identities of its sources. */
    public FractureZoneInput withInputs(List<InputRef> refs) {
        return new FractureZoneInput(minedThickness, overburden, dip, stageHeight, aquiferDistance, protectiveLayer,
                design, coefficients, refs);
    }
}
