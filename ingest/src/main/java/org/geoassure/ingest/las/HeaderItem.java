package org.geoassure.ingest.las;

/**
 * One header line {@code MNEM.UNIT VALUE : DESCRIPTION {FORMAT} | ASSOCIATION}, all parts trimmed.
 *
 * @param mnemonic unique within its section: when a mnemonic occurs more than once in a section every occurrence
 *     is renamed {@code MNEM:1}, {@code MNEM:2}, ... in order (the lasio convention)
 * @param originalMnemonic the mnemonic as written in the file
 * @param unit the unit, with enclosing brackets {@code [M]} removed; empty when none
 * @param value the value as text (LAS 1.2 {@code ~W}: the text after the colon, see the package doc); empty when none
 * @param description the description; empty when none
 * @param format LAS 3 only: the format in braces, e.g. {@code F}, {@code S}, {@code E0.00E+00}; otherwise empty
 * @param association LAS 3 only: the text after {@code |}; otherwise empty
 * @param line 1-based line of the item in the file
 */
public record HeaderItem(String mnemonic, String originalMnemonic, String unit, String value, String description,
        String format, String association, long line) {

    /**
     * The value as a number, or NaN when it is not one. A single comma with no point is read as a decimal comma
     * ({@code 2710,1000} is 2710.1), as written by tools in comma locales.
     */
    public double number() {
        String v = value;
        if (v.indexOf(',') >= 0 && v.indexOf('.') < 0 && v.indexOf(',') == v.lastIndexOf(',')) {
            v = v.replace(',', '.');
        }
        char[] c = v.toCharArray();
        return org.geoassure.ingest.las.internal.LasNumbers.parse(c, 0, c.length, false);
    }
}
