package org.geoassure.geodb;

/** The input is of a kind or version GeoAssure does not read (exit code 2, HTTP 415). */
public class UnsupportedFormatException extends InvalidContentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(String source, String reason) {
        super(source, -1, reason);
    }
}
