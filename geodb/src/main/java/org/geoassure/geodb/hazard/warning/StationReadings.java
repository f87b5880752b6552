package org.geoassure.geodb.hazard.warning;

import java.util.Arrays;
import org.geoassure.geodb.hazard.warning.internal.Checks;

/**
 * New readings of one station, as primitive arrays. The arrays are copied on construction; the accessors return the
 * record's own arrays, without a copy, so do not change them.
 *
 * @param station station id
 * @param timesMicros reading times, UTC microseconds, strictly ascending
 * @param values values in SI units, NaN for a missing value; same length as the times
 */
public record StationReadings(String station, long[] timesMicros, double[] values) {
    public StationReadings {
        Checks.name("station", station);
        if (timesMicros.length != values.length) {
            throw new IllegalArgumentException("station " + station + ": " + timesMicros.length + " times but "
                    + values.length + " values");
        }
        for (int i = 1; i < timesMicros.length; i++) {
            if (timesMicros[i] <= timesMicros[i - 1]) {
                throw new IllegalArgumentException("station " + station + ": reading " + i + " at " + timesMicros[i]
                        + " µs is not after the one before (" + timesMicros[i - 1] + " µs)");
            }
        }
        timesMicros = timesMicros.clone();
        values = values.clone();
    }

    /** Number of readings. */
    public int size() {
        return timesMicros.length;
    }

    /** Readings {@code [from, to)} of this batch, e.g. to deliver a series in chunks. */
    public StationReadings slice(int from, int to) {
        return new StationReadings(station, Arrays.copyOfRange(timesMicros, from, to),
                Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationReadings r && r.station.equals(station) && Arrays.equals(r.timesMicros, timesMicros)
                && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
        return station.hashCode() * 31 + Arrays.hashCode(timesMicros);
    }

    @Override
    public String toString() {
        return "StationReadings[" + station + ", " + timesMicros.length + " readings]";
    }
}
