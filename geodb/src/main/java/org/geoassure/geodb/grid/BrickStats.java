package org.geoassure.geodb.grid;

/**
 * Statistics of one attribute in one brick, kept beside the brick to skip it without reading it.
 *
 * @param min least non-null value (a code for a category), NaN when {@code count} is 0
 * @param max greatest non-null value, NaN when {@code count} is 0
 * @param count present cells with a value
 * @param nullCount present cells without a value (absent cells are in neither count)
 */
public record BrickStats(double min, double max, long count, long nullCount) {
}
