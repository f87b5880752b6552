package org.geoassure.geodb.hazard;

import org.geoassure.geodb.hazard.internal.Json;

/**
 * A fault waterproof pillar width.
 *
 * @param formulaWidth L from the formula (m)
 * @param width the width to leave: max(L, minimum) (m)
 * @param minimumGoverns whether the minimum width is larger than the formula's
 * @param explanation formula, parameters, sources
 */
public record FaultPillarResult(double formulaWidth, double width, boolean minimumGoverns, Explanation explanation) {

    /** The result as one JSON object, with the explanation nested. */
    public String toJson() {
        return new Json().beginObject().key("analysis").value("fault_waterproof_pillar").key("formulaWidth")
                .value(formulaWidth).key("width").value(width).key("minimumGoverns").value(minimumGoverns)
                .key("explanation").raw(explanation.toJson()).endObject().toString();
    }
}
