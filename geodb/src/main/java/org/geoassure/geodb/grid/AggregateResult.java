package org.geoassure.geodb.grid;

import java.util.List;

/**
 * Aggregates over a selection of cells ({@link BlockScan#aggregate}).
 *
 * @param count selected cells
 * @param volume sum of cell volume × partial (m³); cells with a null partial add nothing and are counted in
 *     {@code partialNulls}
 * @param tonnage sum of volume × density (t), NaN when no density was given; cells with a null density add nothing
 *     and are counted in {@code densityNulls}
 * @param partialNulls selected cells with a null partial value
 * @param densityNulls selected cells with a null density value
 * @param summaries one per summarised attribute, in the order asked
 * @param gradeTonnage one row per cut-off, ascending; empty when no curve was asked
 * @param scan how the bricks were read
 */
public record AggregateResult(long count, double volume, double tonnage, long partialNulls, long densityNulls,
        List<Summary> summaries, List<GradeTonnageRow> gradeTonnage, ScanReport scan) {

    public AggregateResult {
        summaries = List.copyOf(summaries);
        gradeTonnage = List.copyOf(gradeTonnage);
    }

    /**
     * Arithmetic statistics of one attribute over the selected cells with a value.
     *
     * @param attribute attribute name
     * @param count cells with a value
     * @param nulls selected cells without one
     * @param mean arithmetic mean (NaN when count is 0)
     * @param min least value (NaN when count is 0)
     * @param max greatest value (NaN when count is 0)
     */
    public record Summary(String attribute, long count, long nulls, double mean, double min, double max) {
    }

    /**
     * One point of a grade-tonnage curve: the selected cells whose grade is at least the cut-off.
     *
     * @param cutoff the cut-off grade
     * @param cells cells at or above it
     * @param volume their volume (m³, with partials)
     * @param tonnage their tonnage (t), NaN without a density
     * @param meanGrade their mean grade weighted by tonnage (by volume without a density)
     * @param metal tonnage × grade summed (t × grade unit, e.g. g for g/t), NaN without a density
     */
    public record GradeTonnageRow(double cutoff, long cells, double volume, double tonnage, double meanGrade,
            double metal) {
    }
}
