package org.geoassure.ingest.las;

import java.util.List;
import java.util.Optional;

/**
 * The rows of one data section ({@code ~A}, or a LAS 3 {@code ~xxx_Data}) as columns.
 *
 * @param name the data section's name ({@code ASCII}, {@code Log_Data}, {@code Tops_Data}, ...)
 * @param definition the name of the section that defined the columns, empty when none did (the columns are then
 *     named {@code UNKNOWN:1}, {@code UNKNOWN:2}, ...)
 * @param line 1-based line of the section title
 * @param rows number of rows
 * @param curves the columns in file order; the first is the index (depth or time) of a log
 */
public record LasTable(String name, String definition, long line, int rows, List<Curve> curves) {

    public LasTable {
        curves = List.copyOf(curves);
    }

    /** The curve with this mnemonic (as renamed when duplicated), ignoring case. */
    public Optional<Curve> curve(String mnemonic) {
        for (Curve c : curves) {
            if (c.mnemonic().equalsIgnoreCase(mnemonic)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The curve with this mnemonic; IllegalArgumentException when there is none. */
    public Curve require(String mnemonic) {
        return curve(mnemonic).orElseThrow(() -> new IllegalArgumentException("no curve " + mnemonic + " in " + name
                + "; curves: " + curves.stream().map(Curve::mnemonic).toList()));
    }
}
