package org.geoassure.geodb;

/**
 * Root of the GeoAssure exception family. Callers distinguish three kinds by subclass:
 * {@link InvalidContentException} (the input is wrong: exit code 2, HTTP 4xx),
 * {@link StorageException} (the store or the file system failed: exit code 1, HTTP 5xx) and
 * {@link UnsupportedFormatException} (we do not read this kind of input).
 */
public class GeoDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GeoDbException(String message) {
        super(message);
    }

    public GeoDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
