package org.geoassure.geodb.hazard;

import java.util.Objects;

/**
 * One parameter of an analysis as used, for its {@link Explanation}.
 *
 * @param name parameter name, e.g. {@code critical_T_disturbed}
 * @param value the value used
 * @param unit unit, e.g. {@code MPa/m}; empty for a dimensionless number
 * @param source where the value comes from: standard and clause, paper, "caller", or "unverified: ..."
 * @param confidence {@code high}, {@code medium}, {@code low} or {@code caller} (given by the caller)
 */
public record Parameter(String name, double value, String unit, String source, String confidence) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? "" : unit;
        source = source == null ? "" : source;
        confidence = confidence == null ? "" : confidence;
    }
}
