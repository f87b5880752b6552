package org.geoassure.ingest.drillhole.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.geoassure.ingest.drillhole.DrillholeValidationException;

/** Errors and warnings of one read, each at a file and line; sorted by file then line on output. */
public final class Diagnostics {
    /** Most warnings kept in provenance (the last of them is a "... and N more" line). */
    public static final int MAX_STORED_WARNINGS = 1000;

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::file).thenComparingLong(Entry::line);

    private final List<Entry> errors = new ArrayList<>();
    private final List<Entry> warnings = new ArrayList<>();
    private int errorCount;

    /**
     * One diagnostic.
     *
     * @param file index of the file in reading order (-1 for the mapping file or none)
     * @param name file name as given, or null
     * @param line 1-based line, or -1
     * @param reason one-line reason
     */
    public record Entry(int file, String name, long line, String reason) {
        /** {@code name:line: reason}, {@code name: reason} or {@code reason}. */
        public String text() {
            if (name == null) {
                return reason;
            }
            return line > 0 ? name + ":" + line + ": " + reason : name + ": " + reason;
        }
    }

    /** Adds an error (kept when fewer than {@value DrillholeValidationException#MAX_ERRORS} are kept, always counted). */
    public void error(int file, String name, long line, String reason) {
        errorCount++;
        if (errors.size() < DrillholeValidationException.MAX_ERRORS) {
            errors.add(new Entry(file, name, line, reason));
        }
    }

    /** Adds a warning. */
    public void warning(int file, String name, long line, String reason) {
        warnings.add(new Entry(file, name, line, reason));
    }

    /** Whether any error was found. */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** Errors found so far (including those not kept). */
    public int errorCount() {
        return errorCount;
    }

    /** Throws the collected errors, if any, as one exception (first error by file and line first). */
    public void throwIfErrors() {
        if (errorCount == 0) {
            return;
        }
        List<Entry> sorted = new ArrayList<>(errors);
        sorted.sort(ORDER);
        List<String> texts = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            texts.add(e.text());
        }
        Entry first = sorted.get(0);
        if (first.name() == null) {
            throw new DrillholeValidationException(texts, errorCount);
        }
        throw new DrillholeValidationException(first.name(), first.line(), first.reason(), texts, errorCount);
    }

    /** Every warning text, sorted by file then line. */
    public List<String> warnings() {
        List<Entry> sorted = new ArrayList<>(warnings);
        sorted.sort(ORDER);
        List<String> out = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            out.add(e.text());
        }
        return out;
    }

    /** The warnings to store: at most {@value #MAX_STORED_WARNINGS}, the last being "... and N more warnings". */
    public static List<String> capped(List<String> all) {
        if (all.size() <= MAX_STORED_WARNINGS) {
            return all;
        }
        List<String> out = new ArrayList<>(all.subList(0, MAX_STORED_WARNINGS - 1));
        out.add("... and " + (all.size() - (MAX_STORED_WARNINGS - 1)) + " more warnings");
        return out;
    }
}
