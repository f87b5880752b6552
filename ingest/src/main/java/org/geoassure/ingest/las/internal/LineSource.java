package org.geoassure.ingest.las.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.geoassure.geodb.InvalidContentException;

/**
 * Physical lines of decoded text over one growable char buffer: LF, CRLF and CR-only endings, 1-based line numbers.
 * The current line is {@code buf()[start(), end())}, valid until the next call of {@link #next()}. Lines longer than
 * {@link #MAX_LINE} chars are rejected, so a file without line breaks cannot exhaust the heap.
 */
public final class LineSource {
    /** Longest line accepted, in chars. */
    public static final int MAX_LINE = 1 << 24;

    private final Reader in;
    private final String source;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long line;
    private int start;
    private int end;

    public LineSource(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Advances to the next line; false at the end of the text. */
    public boolean next() throws IOException {
        int i = pos;
        while (true) {
            while (i < lim) {
                char c = buf[i];
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (i < lim) {
                if (buf[i] == '\r' && i + 1 >= lim && !eof) {
                    int off = i - pos;
                    if (fill()) {
                        i = pos + off;
                        continue;
                    }
                    i = pos + off;
                }
                start = pos;
                end = i;
                pos = buf[i] == '\r' && i + 1 < lim && buf[i + 1] == '\n' ? i + 2 : i + 1;
                line++;
                return true;
            }
            int off = i - pos;
            if (!fill()) {
                if (pos < lim) {
                    start = pos;
                    end = lim;
                    pos = lim;
                    line++;
                    return true;
                }
                return false;
            }
            i = pos + off;
        }
    }

    /** Reads more text after {@code lim}, keeping {@code [pos, lim)}; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw new InvalidContentException(source, line + 1, "line longer than " + MAX_LINE + " characters");
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    public char[] buf() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** 1-based number of the current line. */
    public long line() {
        return line;
    }

    /** The current line as a string. */
    public String text() {
        return new String(buf, start, end - start);
    }
}
