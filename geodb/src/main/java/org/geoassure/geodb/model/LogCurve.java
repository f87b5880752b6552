package org.geoassure.geodb.model;

import java.util.Objects;

/**
 * The definition of one curve of a {@link LogData}: a LAS {@code ~Curve} line without its value.
 *
 * @param mnemonic curve name, unique in its log (ignoring case)
 * @param unit unit as written in the source, empty when none
 * @param description description, empty when none
 */
public record LogCurve(String mnemonic, String unit, String description) {
    public LogCurve {
        Objects.requireNonNull(mnemonic, "mnemonic");
        if (mnemonic.isBlank()) {
            throw new IllegalArgumentException("a curve mnemonic must not be blank");
        }
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }
}
