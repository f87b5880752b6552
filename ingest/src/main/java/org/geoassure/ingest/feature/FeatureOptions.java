package org.geoassure.ingest.feature;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a vector or surface file. Immutable; start from {@link #defaults()}.
 *
 * <ul>
 *   <li>encoding: none by default, meaning each format's own rule: a Shapefile's .cpg, else its DBF language byte,
 *       else ISO-8859-1; DXF {@code $DWGCODEPAGE} (R12) or UTF-8 (R2007 and later); GOCAD ISO-8859-1; GeoJSON
 *       UTF-8 (RFC 7946). When given, it is used for the text of every format but GeoJSON.</li>
 * </ul>
 */
public final class FeatureOptions {
    private static final FeatureOptions DEFAULTS = new FeatureOptions(null);

    private final Charset encoding;

    private FeatureOptions(Charset encoding) {
        this.encoding = encoding;
    }

    public static FeatureOptions defaults() {
        return DEFAULTS;
    }

    /** Decode text (DBF attributes, DXF and GOCAD text) with this charset. */
    public FeatureOptions withEncoding(Charset charset) {
        return new FeatureOptions(Objects.requireNonNull(charset, "charset"));
    }

    public Optional<Charset> encoding() {
        return Optional.ofNullable(encoding);
    }
}
