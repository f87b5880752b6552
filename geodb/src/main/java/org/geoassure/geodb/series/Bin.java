package org.geoassure.geodb.series;

import java.time.Instant;

/**
 * One interval of a resampled series: the readings at times in [start, end), which are aligned to whole multiples of
 * the step since 1970-01-01T00:00Z (a 1-day step gives UTC days). Only intervals holding readings are returned.
 *
 * @param start first instant of the interval
 * @param end end of the interval (exclusive)
 * @param count readings in it (at least 1)
 * @param mean arithmetic mean of the values
 * @param min least value
 * @param max greatest value
 * @param sum sum of the values (e.g. rainfall per interval)
 * @param first value of the earliest reading
 * @param last value of the latest reading
 */
public record Bin(Instant start, Instant end, long count, double mean, double min, double max, double sum,
        double first, double last) {
}
