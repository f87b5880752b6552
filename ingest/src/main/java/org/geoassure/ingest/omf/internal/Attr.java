package org.geoassure.ingest.omf.internal;

import java.util.List;

/**
 * One OMF attribute decoded from either version, before it is mapped: per-item values at a location.
 *
 * @param name attribute name as in the file
 * @param location where the values belong, lower case: {@code vertices}, {@code primitives} (OMF 2: triangles,
 *     segments, grid cells, blocks), {@code segments}, {@code faces}, {@code cells} (OMF 1), {@code subblocks},
 *     {@code parents}, {@code categories}, {@code projected}
 * @param kind what the values are
 * @param values numbers, one per item (times {@code components} for vectors and colours): NaN is null. Dates are
 *     days since 1970-01-01, date-times seconds since 1970-01-01T00:00:00Z, categories codes into {@code labels},
 *     booleans 0 or 1
 * @param texts the values of a TEXT attribute (null for null), else null
 * @param labels the category names, else empty
 * @param components values per item: 1, or 2 or 3 for vectors, 4 for colours (r, g, b, a)
 * @param integers whether numbers came from an integer column (kept as whole numbers)
 * @param dropped what of the attribute's definition is not kept (colour maps, category attributes), for the
 *     warnings; empty when nothing is dropped
 */
public record Attr(String name, String location, Kind kind, double[] values, String[] texts, List<String> labels,
        int components, boolean integers, List<String> dropped) {

    /** What an attribute holds. */
    public enum Kind {
        NUMBER, DATE, DATETIME, CATEGORY, BOOLEAN, TEXT, VECTOR, COLOR,
        /** Not decoded (textures): only named in a warning. */
        UNSUPPORTED
    }

    public Attr {
        labels = List.copyOf(labels);
        dropped = List.copyOf(dropped);
    }

    /** Number of items. */
    public int count() {
        return kind == Kind.TEXT ? texts.length : kind == Kind.UNSUPPORTED ? 0 : values.length / components;
    }

    /** An attribute that is named but not decoded. */
    public static Attr unsupported(String name, String location, String what) {
        return new Attr(name, location, Kind.UNSUPPORTED, new double[0], null, List.of(), 1, false, List.of(what));
    }
}
