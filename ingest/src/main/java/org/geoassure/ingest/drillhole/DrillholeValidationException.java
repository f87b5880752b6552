package org.geoassure.ingest.drillhole;

import java.util.List;
import org.geoassure.geodb.InvalidContentException;

/**
 * Drillhole files break one or more rules. The message is the first error (by file, then line) followed by
 * {@code " (and N more errors)"} when there are more; {@link #errors()} lists them all (at most 100 are kept),
 * each {@code file:line: reason}. Nothing has been read into a batch.
 */
public final class DrillholeValidationException extends InvalidContentException {
    private static final long serialVersionUID = 1L;

    /** Most errors kept in {@link #errors()}. */
    public static final int MAX_ERRORS = 100;

    /** Kept as an unmodifiable list of strings (serializable). */
    private final List<String> errors;
    private final int errorCount;

    /**
     * Creates the exception.
     *
     * @param source file of the first error as given by the user, or null when it has none
     * @param line 1-based line of the first error, or -1
     * @param reason reason of the first error, without its location
     * @param errors every kept error, each {@code file:line: reason}, the first one first
     * @param errorCount how many errors were found (may exceed {@code errors.size()})
     */
    public DrillholeValidationException(String source, long line, String reason, List<String> errors, int errorCount) {
        super(source, line, reason + suffix(errorCount));
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    /**
     * Creates the exception for errors that have no single place (their text is complete).
     *
     * @param errors every kept error, the first one first (not empty)
     * @param errorCount how many errors were found
     */
    public DrillholeValidationException(List<String> errors, int errorCount) {
        super(errors.get(0) + suffix(errorCount));
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    private static String suffix(int count) {
        return count > 1 ? " (and " + (count - 1) + " more errors)" : "";
    }

    /** Every kept error (at most {@value #MAX_ERRORS}), each {@code file:line: reason}, sorted by file and line. */
    public List<String> errors() {
        return errors;
    }

    /** How many errors were found, including those not kept. */
    public int errorCount() {
        return errorCount;
    }
}
