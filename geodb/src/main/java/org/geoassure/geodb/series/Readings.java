package org.geoassure.geodb.series;

import java.time.Instant;
import java.util.Arrays;
import org.geoassure.geodb.InvalidContentException;

/**
 * A batch of readings of one station as primitive arrays: times in UTC microseconds since 1970, strictly increasing;
 * values in the station's SI unit, finite; optional quality flags (e.g. USGS approval codes {@code A}, {@code P}),
 * {@code null} when the source has none, an element {@code null} or empty for no flag.
 *
 * <p>The arrays are taken as given (not copied) and must not be changed afterwards: batches are large and on the
 * ingest hot path. Use {@link #of} for one reading.
 */
public final class Readings {
    private final String stationId;
    private final long[] times;
    private final double[] values;
    private final String[] quality;

    /**
     * @throws InvalidContentException if the lengths differ, times do not increase strictly or a value is not finite
     */
    public Readings(String stationId, long[] times, double[] values, String[] quality) {
        if (stationId == null || stationId.isBlank()) {
            throw new InvalidContentException("readings: station id is blank");
        }
        if (times.length != values.length || (quality != null && quality.length != times.length)) {
            throw new InvalidContentException("readings of " + stationId + ": " + times.length + " times but "
                    + values.length + " values" + (quality == null ? "" : " and " + quality.length + " quality flags"));
        }
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new InvalidContentException("readings of " + stationId + ": time " + toInstant(times[i])
                        + " (reading " + (i + 1) + ") is not after " + toInstant(times[i - 1])
                        + "; sort the readings and give each time once");
            }
            if (!Double.isFinite(values[i])) {
                throw new InvalidContentException("readings of " + stationId + ": value at " + toInstant(times[i])
                        + " is not a finite number");
            }
        }
        this.stationId = stationId;
        this.times = times;
        this.values = values;
        this.quality = quality;
    }

    /** One reading, without a quality flag. */
    public static Readings of(String stationId, Instant t, double value) {
        return new Readings(stationId, new long[] {micros(t)}, new double[] {value}, null);
    }

    public String stationId() {
        return stationId;
    }

    public int size() {
        return times.length;
    }

    /** Time of reading {@code i}, UTC microseconds. */
    public long time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Quality flag of reading {@code i}, or null. */
    public String quality(int i) {
        return quality == null ? null : quality[i];
    }

    /** Whether any quality flags were given. */
    public boolean hasQuality() {
        return quality != null;
    }

    /** A copy of the times (UTC microseconds). */
    public long[] times() {
        return times.clone();
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** Time of reading {@code i} as an instant. */
    public Instant instant(int i) {
        return toInstant(times[i]);
    }

    /** UTC microseconds of an instant. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** The instant of UTC microseconds. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    @Override
    public String toString() {
        return "Readings[" + stationId + ", " + times.length + " readings"
                + (times.length == 0 ? "" : " " + toInstant(times[0]) + " .. " + toInstant(times[times.length - 1]))
                + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Readings r && r.stationId.equals(stationId) && Arrays.equals(r.times, times)
                && Arrays.equals(r.values, values) && Arrays.equals(r.quality, quality);
    }

    @Override
    public int hashCode() {
        return stationId.hashCode() * 31 + Arrays.hashCode(times);
    }
}
