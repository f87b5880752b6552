package org.geoassure.ingest.series;

import java.util.Locale;
import java.util.Map;

/**
 * Conversion of the units found in hydrological files to SI. Known: ft3/s (cfs) to m3/s, ft to m, in to mm, and the
 * SI names themselves (m, mm, m3/s, m3/h, m3/d, MPa, kPa, Pa, m/d). Other units are kept as they are.
 */
public final class Units {
    /** 1 ft = 0.3048 m exactly (international foot). */
    public static final double FOOT = 0.3048;
    /** 1 ft3 = 0.3048^3 m3. */
    public static final double CUBIC_FOOT = FOOT * FOOT * FOOT;

    private static final Map<String, Object[]> TO_SI = Map.ofEntries(
            Map.entry("ft3/s", new Object[] {"m3/s", CUBIC_FOOT}), Map.entry("cfs", new Object[] {"m3/s", CUBIC_FOOT}),
            Map.entry("ft^3/s", new Object[] {"m3/s", CUBIC_FOOT}), Map.entry("ft", new Object[] {"m", FOOT}),
            Map.entry("feet", new Object[] {"m", FOOT}), Map.entry("in", new Object[] {"mm", 25.4}),
            Map.entry("m3/sec", new Object[] {"m3/s", 1.0}), Map.entry("m^3/s", new Object[] {"m3/s", 1.0}),
            Map.entry("l/s", new Object[] {"m3/s", 0.001}));

    private Units() {
    }

    /** A conversion: multiply by {@code factor} to get {@code siUnit}. */
    public record Conversion(String sourceUnit, String siUnit, double factor) {
        /** Whether values change. */
        public boolean scales() {
            return factor != 1.0;
        }
    }

    /** The conversion of {@code unit} to SI; the identity for SI and unknown units. */
    public static Conversion toSi(String unit) {
        String u = unit.trim();
        Object[] c = TO_SI.get(u.toLowerCase(Locale.ROOT));
        if (c == null) {
            return new Conversion(u, u, 1.0);
        }
        return new Conversion(u, (String) c[0], (Double) c[1]);
    }

    /** Whether {@code unit} is one this class knows (SI or convertible). */
    public static boolean known(String unit) {
        String u = unit.trim();
        return TO_SI.containsKey(u.toLowerCase(Locale.ROOT))
                || java.util.Set.of("m", "mm", "m3/s", "m3/h", "m3/d", "MPa", "kPa", "Pa", "m/d", "m/day").contains(u);
    }
}
