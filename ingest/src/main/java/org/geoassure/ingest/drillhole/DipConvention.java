package org.geoassure.ingest.drillhole;

import java.util.Locale;

/**
 * How the dip columns of the input files are measured. The store holds dips negative down
 * (-90 = vertically down, 0 = horizontal, 90 = vertically up).
 */
public enum DipConvention {
    /** Dip from horizontal, negative downwards (-90 = vertical down); range [-90, 90]. Stored as is. */
    NEGATIVE_DOWN("negative-down", -90, 90),
    /** Dip from horizontal, positive downwards (90 = vertical down), as in Babbitt and pygslib; range [-90, 90]. */
    POSITIVE_DOWN("positive-down", -90, 90),
    /** Inclination from the vertical: 0 = vertical down, 90 = horizontal, 180 = vertical up; range [0, 180]. */
    INCLINATION("inclination", 0, 180);

    private final String label;
    private final double min;
    private final double max;

    DipConvention(String label, double min, double max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    /** External name: {@code negative-down}, {@code positive-down} or {@code inclination}. */
    public String label() {
        return label;
    }

    /** Smallest valid input value. */
    public double min() {
        return min;
    }

    /** Largest valid input value. */
    public double max() {
        return max;
    }

    /** Whether {@code value} is inside this convention's range. */
    public boolean isValid(double value) {
        return value >= min && value <= max;
    }

    /** The range as text, e.g. {@code [-90, 90]}. */
    public String rangeText() {
        return "[" + (int) min + ", " + (int) max + "]";
    }

    /** Converts an input value to the store convention (dip, negative down). */
    public double toStore(double value) {
        switch (this) {
            case POSITIVE_DOWN:
                return value == 0 ? 0.0 : -value;
            case INCLINATION:
                return value - 90.0;
            default:
                return value;
        }
    }

    /**
     * Parses an external name. Case is ignored and underscores are accepted for hyphens.
     *
     * @throws IllegalArgumentException if the name is unknown (the message lists the names)
     */
    public static DipConvention parse(String s) {
        if (s != null) {
            String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DipConvention c : values()) {
                if (c.label.equals(k)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown dip convention '" + s
                + "' (expected negative-down, positive-down or inclination)");
    }

    @Override
    public String toString() {
        return label;
    }
}
