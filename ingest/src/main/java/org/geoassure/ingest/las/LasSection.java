package org.geoassure.ingest.las;

import java.util.List;
import java.util.Optional;

/**
 * One {@code ~} section in file order.
 *
 * @param name the title after {@code ~} and before {@code |}, trimmed (e.g. {@code VERSION INFORMATION},
 *     {@code Log_Data}, {@code Core_Data[1]})
 * @param association LAS 3: the title's text after {@code |} (the definition section of a data section); else empty
 * @param kind what the section holds
 * @param line 1-based line of the title
 * @param items the header items of VERSION, WELL, CURVE, PARAMETER and DEFINITION sections; empty for the others
 * @param text the lines of an OTHER section joined by {@code \n}, trailing blanks and blank edge lines removed;
 *     empty for the others
 */
public record LasSection(String name, String association, SectionKind kind, long line, List<HeaderItem> items,
        String text) {

    public LasSection {
        items = List.copyOf(items);
    }

    /** The first item with this mnemonic (as renamed, or as written when unique), ignoring case. */
    public Optional<HeaderItem> item(String mnemonic) {
        for (HeaderItem i : items) {
            if (i.mnemonic().equalsIgnoreCase(mnemonic)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
