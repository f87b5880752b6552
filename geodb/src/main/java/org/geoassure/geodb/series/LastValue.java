package org.geoassure.geodb.series;

import java.time.Instant;

/**
 * The latest reading of a station at or before a time.
 *
 * @param stationId station
 * @param time time of the reading
 * @param value its value, in the station's unit
 * @param quality its quality flag, or null
 */
public record LastValue(String stationId, Instant time, double value, String quality) {
}
