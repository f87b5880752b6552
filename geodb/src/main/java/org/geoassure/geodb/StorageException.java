package org.geoassure.geodb;

/** The store or the file system failed (I/O, SQL, disk full). Not the user's input: exit code 1. */
public class StorageException extends GeoDbException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
