package org.geoassure.geodb.series;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch without readings: between two consecutive readings of a station.
 *
 * @param stationId station
 * @param from time of the reading before the gap
 * @param to time of the reading after the gap
 */
public record Gap(String stationId, Instant from, Instant to) {
    /** Length of the gap. */
    public Duration length() {
        return Duration.between(from, to);
    }
}
