package org.geoassure.geodb.hazard;

/**
 * A fault waterproof pillar width.
 *
 * @param formulaWidth L from the formula (m)
 * @param width the width to leave: max(L, minimum) (m)
 * @param minimumGoverns whether the minimum width is larger than the formula's
 * @param explanation formula, parameters, sources
 */
public record FaultPillarResult(double formulaWidth, double width, boolean minimumGoverns, Explanation explanation) {
}
