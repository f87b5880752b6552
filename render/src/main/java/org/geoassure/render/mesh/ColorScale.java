package org.geoassure.render.mesh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Colours for an attribute, as 0xRRGGBBAA: categories get distinct colours (in sorted order of their names, so the
 * same set of categories always gets the same colours), numbers a perceptually uniform ramp (viridis), either linear
 * from the minimum to the maximum or by quantiles (the five ramp stops at the minimum, quartiles and maximum of the
 * values, linear between them), which suits skewed data such as assay grades. Missing values are grey.
 */
public final class ColorScale {
    /** Grey for a missing value. */
    public static final int MISSING = 0x9E9E9EFF;

    // Tableau 10, then two more (IBM design palette), opaque
    private static final int[] CATEGORICAL = {0x4E79A7FF, 0xF28E2BFF, 0xE15759FF, 0x76B7B2FF, 0x59A14FFF, 0xEDC948FF,
        0xB07AA1FF, 0xFF9DA7FF, 0x9C755FFF, 0xBAB0ACFF, 0x648FFFFF, 0xDC267FFF};
    // viridis at 0, 0.25, 0.5, 0.75, 1 (matplotlib)
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private final Map<String, Integer> categories;
    private final double min;
    private final double max;
    /** Values at the ramp's stops (ascending), or null for a linear ramp from min to max. */
    private final double[] stops;

    private ColorScale(Map<String, Integer> categories, double min, double max, double[] stops) {
        this.categories = categories;
        this.min = min;
        this.max = max;
        this.stops = stops;
    }

    /** A scale for text values: each distinct value a colour (the palette repeats after 12). */
    public static ColorScale categorical(Collection<String> values) {
        Map<String, Integer> map = new LinkedHashMap<>();
        int i = 0;
        for (String v : new TreeSet<>(values.stream().filter(x -> x != null).toList())) {
            map.put(v, CATEGORICAL[i++ % CATEGORICAL.length]);
        }
        return new ColorScale(map, Double.NaN, Double.NaN, null);
    }

    /** A ramp from {@code min} to {@code max}. */
    public static ColorScale ramp(double min, double max) {
        return new ColorScale(null, min, max, null);
    }

    /**
     * A ramp by quantiles of {@code values} (NaN ignored): the minimum, the quartiles and the maximum get the five
     * ramp stops, so each colour band holds about a quarter of the values. When ties would merge two stops (say
     * three quarters of the assays are 0), the quantiles are taken over the distinct values instead.
     *
     * @throws IllegalArgumentException if there is no number
     */
    public static ColorScale quantiles(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException("no values for a quantile ramp");
        }
        double[] stops = stops(v);
        for (int i = 0; i + 1 < stops.length; i++) {
            if (stops[i] == stops[i + 1]) {
                // many equal values (e.g. assays at the detection limit) would merge stops: use the distinct values
                stops = stops(java.util.Arrays.stream(v).distinct().toArray());
                break;
            }
        }
        return new ColorScale(null, v[0], v[v.length - 1], stops);
    }

    private static double[] stops(double[] v) {
        double[] stops = new double[VIRIDIS.length];
        for (int i = 0; i < stops.length; i++) {
            double rank = (v.length - 1) * (double) i / (stops.length - 1); // linear interpolation between ranks
            int lo = (int) Math.floor(rank);
            int hi = Math.min(lo + 1, v.length - 1);
            stops[i] = v[lo] + (rank - lo) * (v[hi] - v[lo]);
        }
        return stops;
    }

    /** Whether this scale is for categories. */
    public boolean isCategorical() {
        return categories != null;
    }

    /** The colour of a value (String for categories, Number for a ramp; null or NaN: {@link #MISSING}). */
    public int color(Object value) {
        if (categories != null) {
            Integer c = value == null ? null : categories.get(value.toString());
            return c == null ? MISSING : c;
        }
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            return MISSING;
        }
        double t = stops != null ? position(n.doubleValue()) : max > min ? (n.doubleValue() - min) / (max - min) : 0.5;
        t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int k = Math.min((int) t, VIRIDIS.length - 2);
        double f = t - k;
        int r = (int) Math.round(VIRIDIS[k][0] + f * (VIRIDIS[k + 1][0] - VIRIDIS[k][0]));
        int g = (int) Math.round(VIRIDIS[k][1] + f * (VIRIDIS[k + 1][1] - VIRIDIS[k][1]));
        int b = (int) Math.round(VIRIDIS[k][2] + f * (VIRIDIS[k + 1][2] - VIRIDIS[k][2]));
        return r << 24 | g << 16 | b << 8 | 0xFF;
    }

    /** Where {@code x} falls on a quantile ramp, 0..1: linear between the neighbouring stops. */
    private double position(double x) {
        int last = stops.length - 1;
        if (x <= stops[0]) {
            return 0;
        }
        if (x >= stops[last]) {
            return 1;
        }
        for (int i = 0; i < last; i++) {
            if (x <= stops[i + 1]) {
                double span = stops[i + 1] - stops[i];
                double f = span > 0 ? (x - stops[i]) / span : 0;
                return (i + f) / last;
            }
        }
        return 1;
    }

    /**
     * The legend: for categories, name and colour (#RRGGBB) of each; for a ramp, the value and colour at five stops.
     */
    public List<Map<String, Object>> legend() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (categories != null) {
            categories.forEach((name, c) -> out.add(Map.of("value", name, "color", hex(c))));
        } else {
            for (int i = 0; i < VIRIDIS.length; i++) {
                double v = stops != null ? stops[i] : min + (max - min) * i / (VIRIDIS.length - 1);
                out.add(Map.of("value", v, "color", hex(rampColor(i))));
            }
        }
        return out;
    }

    private static int rampColor(int stop) {
        return VIRIDIS[stop][0] << 24 | VIRIDIS[stop][1] << 16 | VIRIDIS[stop][2] << 8 | 0xFF;
    }

    private static String hex(int rgba) {
        return String.format("#%06X", rgba >>> 8);
    }
}
