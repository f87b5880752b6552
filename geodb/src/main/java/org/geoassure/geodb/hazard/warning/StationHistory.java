package org.geoassure.geodb.hazard.warning;

import java.util.Arrays;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * What the evaluator remembers of a station: the time of its last reading, of its last non-missing reading, and the
 * non-missing readings still inside the longest {@link RateRule} window of the station (none when it has no rate
 * rule).
 *
 * @param station station id
 * @param lastMicros time of the last reading (missing or not), {@link Long#MIN_VALUE} when none yet
 * @param lastValidMicros time of the last non-missing reading, {@link Long#MIN_VALUE} when none yet
 * @param windowTimesMicros times of the remembered readings, ascending
 * @param windowValues their values
 */
public record StationHistory(String station, long lastMicros, long lastValidMicros, long[] windowTimesMicros,
        double[] windowValues) {
    public StationHistory {
        Checks.name("station", station);
        if (windowTimesMicros.length != windowValues.length) {
            throw new IllegalArgumentException("station " + station + ": window times and values differ in length");
        }
        windowTimesMicros = windowTimesMicros.clone();
        windowValues = windowValues.clone();
    }

    /** A station never seen. */
    public static StationHistory empty(String station) {
        return new StationHistory(station, Long.MIN_VALUE, Long.MIN_VALUE, new long[0], new double[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationHistory h && h.station.equals(station) && h.lastMicros == lastMicros
                && h.lastValidMicros == lastValidMicros && Arrays.equals(h.windowTimesMicros, windowTimesMicros)
                && Arrays.equals(h.windowValues, windowValues);
    }

    @Override
    public int hashCode() {
        return station.hashCode() * 31 + Long.hashCode(lastMicros);
    }

    @Override
    public String toString() {
        return "StationHistory[" + station + ", last " + lastMicros + ", window " + windowTimesMicros.length + "]";
    }
}
