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
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            int i = pos;
            while (i < lim && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (sb.length() + (i - start) > MAX_LINE) {
                throw new InvalidContentException(source, line + 1, "line longer than " + MAX_LINE + " characters");
            }
            if (i < lim) {
                skipLf = buf[i] == '\r';
                pos = i + 1;
                line++;
                if (sb.length() == 0) {
                    return new String(buf, start, i - start);
                }
                sb.append(buf, start, i - start);
                return sb.toString();
            }
            sb.append(buf, start, i - start);
            pos = lim;
        }
    }
}
