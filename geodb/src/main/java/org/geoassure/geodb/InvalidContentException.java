package org.geoassure.geodb;

import java.util.Optional;

/**
 * The input is wrong: a file, a request field or an argument breaks a rule. The message says where
 * ({@code file:line: reason}, or the field name) and why, in one line. Nothing has been written to the
 * store when this is thrown from an ingest.
 */
public class InvalidContentException extends GeoDbException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** A bad value that has no file position, e.g. a bad argument or request field. */
    public InvalidContentException(String message) {
        super(message);
        this.source = null;
        this.line = -1;
    }

    /**
     * A bad value at a known place in a file.
     *
     * @param source file name as the user gave it (not resolved to an absolute path)
     * @param line 1-based line number, or -1 when unknown
     * @param reason one-line reason, without the location
     */
    public InvalidContentException(String source, long line, String reason) {
        super(line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** The file (or request field) the error is about, when known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** 1-based line number, or -1 when unknown. */
    public long line() {
        return line;
    }
}
