package org.geoassure.ingest.omf;

/**
 * How to read an OMF file. Immutable; start from {@link #defaults()}.
 *
 * @param skipUnsupported when false (the default), an element GeoAssure cannot store faithfully (a tensor block model
 *     with unequal spacings, free-form sub-blocks, a grid not rotated about the vertical only) refuses the whole file
 *     with an {@link org.geoassure.geodb.UnsupportedFormatException} naming it; when true, such elements are left out
 *     and each gets a warning
 */
public record OmfOptions(boolean skipUnsupported) {
    private static final OmfOptions DEFAULTS = new OmfOptions(false);

    public static OmfOptions defaults() {
        return DEFAULTS;
    }

    /** With unsupported elements left out (with a warning each) instead of refusing the file. */
    public OmfOptions withSkipUnsupported(boolean skip) {
        return new OmfOptions(skip);
    }
}
