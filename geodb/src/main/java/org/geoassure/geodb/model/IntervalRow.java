package org.geoassure.geodb.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One from-to interval of a hole, with attribute values in the order of its table's columns.
 * A value is a {@link Double} for {@link ColumnType#NUMBER}, a {@link String} for {@link ColumnType#TEXT},
 * or null when missing.
 *
 * @param from depth of the top of the interval (m)
 * @param to depth of the bottom (m), greater than {@code from}
 * @param values attribute values (unmodifiable; nulls allowed)
 */
public record IntervalRow(double from, double to, List<Object> values) {
    public IntervalRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Depth of the middle of the interval. */
    public double mid() {
        return 0.5 * (from + to);
    }
}
