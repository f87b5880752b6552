package org.geoassure.ingest.feature.internal;

import java.io.IOException;
import java.io.Reader;
import org.geoassure.geodb.InvalidContentException;

/**
 * Lines of text (LF, CRLF or CR endings) with a length limit, so that a file without line breaks cannot exhaust the
 * heap: a line longer than {@link #MAX_LINE} chars is an {@link InvalidContentException} naming the line.
 */
public final class BoundedLines {
    /** Longest line accepted, in chars. */
    public static final int MAX_LINE = 1 << 20;

    private final Reader in;
    private final String source;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private long line;
    private boolean skipLf;
    private final StringBuilder sb = new StringBuilder(256);

    public BoundedLines(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next line without its ending, or null at the end of the text. */
    public String readLine() throws IOException {
        sb.setLength(0);
        boolean any = false;
        while (true) {
            if (pos >= lim) {
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (!any) {
                        return null;
                    }
                    line++;
                    return sb.toString();
                }
            }
            char c = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                line++;
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new InvalidContentException(source, line + 1, "line longer than " + MAX_LINE + " characters");
            }
            sb.append(c);
        }
    }
}
