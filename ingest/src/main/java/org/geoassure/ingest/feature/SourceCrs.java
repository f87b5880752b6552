package org.geoassure.ingest.feature;

import java.util.Objects;

/**
 * A coordinate reference system as a file states it. The text is kept as written (a Shapefile .prj WKT, a GeoJSON
 * legacy {@code crs} name, a GOCAD coordinate-system name); the EPSG code is given only where the mapping is
 * obvious (an {@code EPSG:n} or {@code urn:ogc:def:crs:EPSG::n} name, an EPSG authority in a WKT, the ESRI WKT of
 * WGS 84, CGCS2000 and its Gauss-Kruger zones or of WGS 84 UTM zones, GeoJSON's RFC 7946 default).
 *
 * @param epsg EPSG code, or 0 when not known
 * @param text the definition as stated in the file; never null, may be empty when only the code is known
 */
public record SourceCrs(int epsg, String text) {
    public SourceCrs {
        Objects.requireNonNull(text, "text");
        if (epsg < 0) {
            throw new IllegalArgumentException("EPSG code " + epsg);
        }
    }

    /** {@code EPSG:n}, or the text when no code is known. */
    public String label() {
        return epsg > 0 ? "EPSG:" + epsg : text;
    }
}
