package org.geoassure.geodb.series;

import java.util.Arrays;
import java.util.Locale;
import org.geoassure.geodb.InvalidContentException;

/** What a monitoring station measures. Written and parsed by its {@link #label()} (lower case, underscores). */
public enum StationKind {
    PIEZOMETER, WATER_LEVEL, WATER_INFLOW, WATER_PRESSURE, RAINFALL, PUMPING, DISCHARGE, RIVER_STAGE, PHREATIC_LINE,
    DRY_BEACH_LENGTH, SURFACE_DISPLACEMENT, INTERNAL_DISPLACEMENT, OTHER;

    /** The name in files and the store: {@code water_level}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a label, ignoring case and accepting '-' for '_'.
     *
     * @throws InvalidContentException naming the labels there are
     */
    public static StationKind parse(String label) {
        String key = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (StationKind k : values()) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        throw new InvalidContentException("kind: '" + label + "' is not one of "
                + Arrays.stream(values()).map(StationKind::label).toList());
    }
}
