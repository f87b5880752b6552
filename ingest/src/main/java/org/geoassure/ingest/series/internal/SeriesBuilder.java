package org.geoassure.ingest.series.internal;

import java.util.Arrays;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.series.Readings;

/** Collects one series' readings in growing primitive arrays, checking that times increase. Internal. */
public final class SeriesBuilder {
    public final String key;
    public final String siteCode;
    public String name;
    public String sourceUnit;
    public double noData = Double.NaN;
    private long[] times = new long[256];
    private double[] values = new double[256];
    private String[] quality = new String[256];
    private String[] where = null;
    private boolean anyQuality;
    private int n;
    private String lastWhere;

    public SeriesBuilder(String key, String siteCode, String name, String sourceUnit) {
        this.key = key;
        this.siteCode = siteCode;
        this.name = name;
        this.sourceUnit = sourceUnit;
    }

    /**
     * Adds a reading read at {@code where} ({@code file:line} or a JSON pointer).
     *
     * @throws InvalidContentException if its time is not after the previous reading's
     */
    public void add(long t, double v, String q, String where) {
        if (n > 0 && t <= times[n - 1]) {
            throw new InvalidContentException(where + ": time " + Readings.toInstant(t) + (t == times[n - 1]
                    ? " repeats the previous reading's (" + lastWhere + ")"
                    : " is before the previous reading's " + Readings.toInstant(times[n - 1]) + " (" + lastWhere
                            + "); sort the file by time"));
        }
        if (n == times.length) {
            int cap = n * 2;
            times = Arrays.copyOf(times, cap);
            values = Arrays.copyOf(values, cap);
            quality = Arrays.copyOf(quality, cap);
        }
        times[n] = t;
        values[n] = v;
        quality[n] = q;
        anyQuality |= q != null;
        lastWhere = where;
        n++;
    }

    public int size() {
        return n;
    }

    /** The readings under {@code stationId}, each value multiplied by {@code factor}. */
    public Readings build(String stationId, double factor) {
        double[] v = Arrays.copyOf(values, n);
        if (factor != 1.0) {
            for (int i = 0; i < n; i++) {
                v[i] *= factor;
            }
        }
        return new Readings(stationId, Arrays.copyOf(times, n), v, anyQuality ? Arrays.copyOf(quality, n) : null);
    }
}
