package org.geoassure.ingest.dxf.internal;

import java.io.IOException;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.ingest.feature.internal.BoundedLines;

/**
 * ASCII DXF group pairs: a group-code line, then a value line. {@link #line()} is the 1-based line of the current
 * group code. One pair can be pushed back.
 */
public final class GroupReader {
    private final BoundedLines in;
    private final String source;
    private long lineNo;
    private int code;
    private String value;
    private long codeLine;
    private boolean pushed;

    public GroupReader(java.io.Reader in, String source) {
        this.in = new BoundedLines(in, source);
        this.source = source;
    }

    /** Advances to the next pair, skipping 999 comments; false at the end of the file. */
    public boolean next() throws IOException {
        if (pushed) {
            pushed = false;
            return true;
        }
        while (pair()) {
            if (code != 999) {
                return true;
            }
        }
        return false;
    }

    private boolean pair() throws IOException {
        String c = in.readLine();
        while (c != null && c.isBlank() && lineNo == 0) {
            lineNo++;
            c = in.readLine();
        }
        if (c == null) {
            return false;
        }
        lineNo++;
        codeLine = lineNo;
        String t = c.strip();
        try {
            code = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidContentException(source, codeLine, "group code \"" + clip(t) + "\" is not a whole number");
        }
        String v = in.readLine();
        if (v == null) {
            throw new InvalidContentException(source, codeLine, "file ends after group code " + code
                    + " without its value");
        }
        lineNo++;
        value = v;
        return true;
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** Makes the current pair the next one again. */
    public void pushBack() {
        pushed = true;
    }

    public int code() {
        return code;
    }

    /** The value line as written, without its line break. */
    public String raw() {
        return value;
    }

    /** The value, blanks stripped. */
    public String text() {
        return value.strip();
    }

    public long line() {
        return codeLine;
    }

    /** The value as a finite double. */
    public double number() {
        String t = value.strip();
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidContentException(source, codeLine + 1, "group " + code + ": \"" + clip(t)
                + "\" is not a number");
    }

    /** The value as an int. */
    public int integer() {
        String t = value.strip();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidContentException(source, codeLine + 1, "group " + code + ": \"" + clip(t)
                    + "\" is not a whole number");
        }
    }

    /** True if the current pair is code 0 with this value. */
    public boolean is(String marker) {
        return code == 0 && value.strip().equals(marker);
    }
}
