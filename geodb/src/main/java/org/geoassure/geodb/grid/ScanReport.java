package org.geoassure.geodb.grid;

/**
 * How a block query was answered, for EXPLAIN: bricks skipped without reading them (outside the box's index range, or
 * excluded by their statistics) and bricks read and scanned cell by cell.
 *
 * @param bricks stored bricks of the model
 * @param skippedByBox bricks outside the box's cell index range
 * @param skippedByStats bricks whose min/max/count/null count rule every predicate out
 * @param scanned bricks read and scanned
 * @param cellsTested present cells tested against the box and predicates
 * @param cellsSelected cells selected
 */
public record ScanReport(long bricks, long skippedByBox, long skippedByStats, long scanned, long cellsTested,
        long cellsSelected) {

    /** Bricks skipped for either reason. */
    public long skipped() {
        return skippedByBox + skippedByStats;
    }
}
