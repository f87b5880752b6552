package org.geoassure.ingest.las;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * A LAS file as read: every section in file order, the data sections as {@link LasTable}s, and what the reader
 * decided (version, wrap, null value, text encoding, data delimiter). Immutable.
 *
 * @param source the file name as the caller gave it
 * @param version the version from {@code VERS} ({@link LasVersion#V2_0} when missing)
 * @param wrapped {@code WRAP YES}: a row of {@code ~A} spans several lines
 * @param nullValue the {@code NULL} item of {@code ~W} as a number; NaN when missing or not a number
 * @param encoding the charset the text was decoded with
 * @param byteOrderMark whether the file began with a byte-order mark (UTF-8 or UTF-16)
 * @param sections all sections in file order (data sections included, with no items)
 * @param tables the data sections' rows, in file order
 * @param warnings things the reader accepted but a user should know, each {@code file:line: reason}
 */
public record LasFile(String source, LasVersion version, boolean wrapped, double nullValue, Charset encoding,
        boolean byteOrderMark, List<LasSection> sections, List<LasTable> tables, List<String> warnings) {

    public LasFile {
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** The first section of this kind. */
    public Optional<LasSection> section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** The section with this name (ignoring case), e.g. {@code Log_Parameter}. */
    public Optional<LasSection> section(String name) {
        return sections.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** An item of the first section of this kind, e.g. {@code item(SectionKind.WELL, "UWI")}. */
    public Optional<HeaderItem> item(SectionKind kind, String mnemonic) {
        return section(kind).flatMap(s -> s.item(mnemonic));
    }

    /**
     * The log: the first table of {@code ~A} / {@code ~ASCII} or of LAS 3 {@code ~Log_Data}. Empty
     * when the file has neither (a LAS 3 file of tops or cores only, or a header-only file).
     */
    public Optional<LasTable> log() {
        for (LasTable t : tables) {
            String n = t.name();
            if (n.equalsIgnoreCase("A") || n.regionMatches(true, 0, "ASC", 0, 3)
                    || n.regionMatches(true, 0, "Log_Data", 0, 8)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The table read from the data section with this name (ignoring case). */
    public Optional<LasTable> table(String name) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
    }
}
