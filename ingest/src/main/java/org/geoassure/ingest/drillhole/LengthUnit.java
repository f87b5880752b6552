package org.geoassure.ingest.drillhole;

import java.util.Locale;

/** Length unit of the depths and collar elevations in the input files. The store always holds metres. */
public enum LengthUnit {
    /** Metres (no conversion). */
    METRE("m", 1.0),
    /** International feet: exactly 0.3048 m. */
    FOOT("ft", 0.3048);

    private final String symbol;
    private final double metres;

    LengthUnit(String symbol, double metres) {
        this.symbol = symbol;
        this.metres = metres;
    }

    /** The unit symbol: {@code "m"} or {@code "ft"}. */
    public String symbol() {
        return symbol;
    }

    /** Metres in one unit (1.0 or exactly 0.3048). */
    public double metresPerUnit() {
        return metres;
    }

    /** Converts a length in this unit to metres ({@code value * metresPerUnit()}, no conversion for metres). */
    public double toMetres(double value) {
        return this == METRE ? value : value * metres;
    }

    /**
     * Parses a unit name: {@code m}, {@code metre(s)}, {@code meter(s)}, {@code ft}, {@code foot}, {@code feet}
     * (case ignored).
     *
     * @throws IllegalArgumentException if the name is none of these
     */
    public static LengthUnit parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "m", "metre", "metres", "meter", "meters":
                return METRE;
            case "ft", "foot", "feet":
                return FOOT;
            default:
                throw new IllegalArgumentException("unknown length unit '" + s + "' (expected m or ft)");
        }
    }

    @Override
    public String toString() {
        return symbol;
    }
}
