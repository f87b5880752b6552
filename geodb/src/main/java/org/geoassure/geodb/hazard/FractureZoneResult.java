package org.geoassure.geodb.hazard;

import org.geoassure.geodb.hazard.internal.Json;

/**
 * The water-conducting fracture zone height and its comparison with the aquifer.
 *
 * @param seamClass {@code gently_inclined} (&lt; 25°), {@code inclined} (25–45°) or {@code steep} (&gt; 45°)
 * @param formula1 formula 1 (or the steep formula) central value (m)
 * @param formula1Lower central value minus the band (m)
 * @param formula1Upper central value plus the band (m)
 * @param formula2 formula 2 value (m); NaN for steep seams and very soft overburden
 * @param designHeight the design height H (m), as {@link DesignHeight} chose
 * @param aquiferDistance distance from the seam roof to the aquifer (m), NaN when not given
 * @param protectiveLayer protective layer required (m)
 * @param margin aquiferDistance − designHeight − protectiveLayer (m); NaN without a distance
 * @param verdict {@code safe} (margin &gt; 0), {@code unsafe} (margin ≤ 0) or {@code not_assessed}
 * @param explanation inputs, formulas, coefficients with sources, warnings
 */
public record FractureZoneResult(String seamClass, double formula1, double formula1Lower, double formula1Upper,
        double formula2, double designHeight, double aquiferDistance, double protectiveLayer, double margin,
        String verdict, Explanation explanation) {

    /** The result as one JSON object, with the explanation nested. */
    public String toJson() {
        return new Json().beginObject().key("analysis").value("fracture_zone_height").key("seamClass")
                .value(seamClass).key("formula1").value(formula1).key("formula1Lower").value(formula1Lower)
                .key("formula1Upper").value(formula1Upper).key("formula2").value(formula2).key("designHeight")
                .value(designHeight).key("aquiferDistance").value(aquiferDistance).key("protectiveLayer")
                .value(protectiveLayer).key("margin").value(margin).key("verdict").value(verdict)
                .key("explanation").raw(explanation.toJson()).endObject().toString();
    }
}
