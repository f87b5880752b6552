package org.geoassure.render.mesh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Colours for an attribute, as 0xRRGGBBAA: categories get distinct colours (in sorted order of their names, so the
 * same set of categories always gets the same colours), numbers a perceptually uniform ramp (viridis) between the
 * minimum and the maximum. Missing values are grey.
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

    private ColorScale(Map<String, Integer> categories, double min, double max) {
        this.categories = categories;
        this.min = min;
        this.max = max;
    }

    /** A scale for text values: each distinct value a colour (the palette repeats after 12). */
    public static ColorScale categorical(Collection<String> values) {
        Map<String, Integer> map = new LinkedHashMap<>();
        int i = 0;
        for (String v : new TreeSet<>(values.stream().filter(x -> x != null).toList())) {
            map.put(v, CATEGORICAL[i++ % CATEGORICAL.length]);
        }
        return new ColorScale(map, Double.NaN, Double.NaN);
    }

    /** A ramp from {@code min} to {@code max}. */
    public static ColorScale ramp(double min, double max) {
        return new ColorScale(null, min, max);
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
        double t = max > min ? (n.doubleValue() - min) / (max - min) : 0.5;
        t = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int k = Math.min((int) t, VIRIDIS.length - 2);
        double f = t - k;
        int r = (int) Math.round(VIRIDIS[k][0] + f * (VIRIDIS[k + 1][0] - VIRIDIS[k][0]));
        int g = (int) Math.round(VIRIDIS[k][1] + f * (VIRIDIS[k + 1][1] - VIRIDIS[k][1]));
        int b = (int) Math.round(VIRIDIS[k][2] + f * (VIRIDIS[k + 1][2] - VIRIDIS[k][2]));
        return r << 24 | g << 16 | b << 8 | 0xFF;
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
                double v = min + (max - min) * i / (VIRIDIS.length - 1);
                out.add(Map.of("value", v, "color", hex(color(v))));
            }
        }
        return out;
    }

    private static String hex(int rgba) {
        return String.format("#%06X", rgba >>> 8);
    }
}
