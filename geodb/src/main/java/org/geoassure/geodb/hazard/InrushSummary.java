package org.geoassure.geodb.hazard;

/**
 * Summary statistics of a water-inrush result.
 *
 * @param cells cells of the grid
 * @param cellsWithT cells where T was computed
 * @param cellsNoAquiclude cells flagged with effective thickness ≤ 0
 * @param cellsNoValue cells without P or M
 * @param minT smallest T (MPa/m), NaN when none
 * @param maxT largest T (MPa/m), NaN when none
 * @param meanT mean T over the cells where it was computed (MPa/m), NaN when none
 * @param exceedingCells cells above their applicable critical value
 * @param exceedingArea area of those cells (m²)
 * @param disturbedCells cells inside disturbed zones
 * @param disturbedArea area of those cells (m²)
 */
public record InrushSummary(int cells, int cellsWithT, int cellsNoAquiclude, int cellsNoValue, double minT,
        double maxT, double meanT, int exceedingCells, double exceedingArea, int disturbedCells,
        double disturbedArea) {
}
