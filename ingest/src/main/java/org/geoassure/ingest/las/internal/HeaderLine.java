package org.geoassure.ingest.las.internal;

/**
 * Splits one header line {@code MNEM.UNIT VALUE : DESCRIPTION} into its parts, following lasio's
 * {@code read_header_line} where the LAS text is ambiguous:
 * <ul>
 *   <li>the mnemonic ends at the first period; in curve sections a mnemonic may end in a period written as
 *       {@code ..} right after a non-blank ({@code I. Res..OHM-M} is {@code I. Res.} in OHM-M);</li>
 *   <li>the unit runs from just after that period to the first blank (none when a blank follows the period); a
 *       number, one blank and a word make one unit ({@code .1000 lbf});</li>
 *   <li>the value ends at the first colon after the unit that is not between two digits (times such as
 *       {@code 23:15} and {@code 07:44:12} stay in the value); the description is the rest;</li>
 *   <li>a line with a colon but no period before it is {@code NAME : VALUE}; one with neither is malformed;</li>
 *   <li>LAS 3: {@code | association} and a trailing {@code {format}} are split off the description.</li>
 * </ul>
 */
public final class HeaderLine {
    /** The parts: mnemonic, unit, value, description, format, association. */
    public record Parts(String mnemonic, String unit, String value, String description, String format,
            String association) {
    }

    private HeaderLine() {
    }

    /**
     * @param line the raw line
     * @param dottedNames whether {@code ..} may end a mnemonic (curve and definition sections)
     * @param las3 whether to split off format and association
     * @return the parts, or null when the line has neither a period nor a colon
     */
    public static Parts parse(String line, boolean dottedNames, boolean las3) {
        String s = line.strip();
        int p = s.indexOf('.');
        int c0 = delimiterColon(s, 0);
        if (p < 0 && c0 < 0) {
            return null;
        }
        if (p < 0 || (c0 >= 0 && c0 < p)) {
            return finish(s.substring(0, c0).strip(), "", s.substring(c0 + 1).strip(), "", las3);
        }
        int unitStart = p + 1;
        int dd = s.indexOf("..");
        if (dottedNames && dd > 0 && !Character.isWhitespace(s.charAt(dd - 1)) && (c0 < 0 || dd < c0)) {
            p = dd + 1;
            unitStart = dd + 2;
        }
        String name = s.substring(0, p).strip();
        int ue = unitStart;
        while (ue < s.length() && !Character.isWhitespace(s.charAt(ue))) {
            ue++;
        }
        String unit = s.substring(unitStart, ue);
        int colonInUnit = unit.indexOf(':');
        if (colonInUnit >= 0 && delimiterColon(s, ue) < 0) {
            ue = unitStart + colonInUnit;
            unit = unit.substring(0, colonInUnit);
        } else if (!unit.isEmpty() && allDigits(unit) && ue + 1 < s.length() && s.charAt(ue) == ' '
                && !Character.isWhitespace(s.charAt(ue + 1)) && s.charAt(ue + 1) != ':') {
            int we = ue + 1;
            while (we < s.length() && !Character.isWhitespace(s.charAt(we)) && s.charAt(we) != ':') {
                we++;
            }
            unit = s.substring(unitStart, we);
            ue = we;
        }
        if (unit.length() >= 2 && unit.charAt(0) == '[' && unit.charAt(unit.length() - 1) == ']') {
            unit = unit.substring(1, unit.length() - 1);
        }
        int c = delimiterColon(s, ue);
        String value = c < 0 ? s.substring(ue).strip() : s.substring(ue, c).strip();
        String descr = c < 0 ? "" : s.substring(c + 1).strip();
        return finish(name, unit, value, descr, las3);
    }

    private static Parts finish(String name, String unit, String value, String descr, boolean las3) {
        String format = "";
        String assoc = "";
        if (las3) {
            int bar = descr.lastIndexOf('|');
            if (bar >= 0) {
                assoc = descr.substring(bar + 1).strip();
                descr = descr.substring(0, bar).strip();
            }
            if (descr.endsWith("}")) {
                int open = descr.lastIndexOf('{');
                if (open >= 0) {
                    format = descr.substring(open + 1, descr.length() - 1).strip();
                    descr = descr.substring(0, open).strip();
                }
            }
        }
        return new Parts(name, unit, value, descr, format, assoc);
    }

    /** The first colon at or after {@code from} that is not between two digits; -1 when none. */
    static int delimiterColon(String s, int from) {
        for (int i = s.indexOf(':', from); i >= 0; i = s.indexOf(':', i + 1)) {
            boolean digitBefore = i > 0 && Character.isDigit(s.charAt(i - 1));
            boolean digitAfter = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
            if (!(digitBefore && digitAfter)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
