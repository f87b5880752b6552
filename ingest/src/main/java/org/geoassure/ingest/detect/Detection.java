package org.geoassure.ingest.detect;

import java.util.Objects;

/**
 * What a file was recognised as.
 *
 * @param kind the kind of source
 * @param reader the reader (format) picked, for people: e.g. "GeoPackage", "LAS", "WaterML 2.0"
 * @param seen what in the content decided it, e.g. {@code "SQLite header and gpkg_contents"} or the header columns
 * @param refusal for a kind that needs options (drillholes, block models): the command to run instead; else empty
 */
public record Detection(SourceKind kind, String reader, String seen, String refusal) {
    public Detection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(refusal, "refusal");
    }

    static Detection of(SourceKind kind, String reader, String seen) {
        return new Detection(kind, reader, seen, "");
    }
}
