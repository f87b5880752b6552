package org.geoassure.ingest.drillhole.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming RFC 4180 tokenizer for delimited text: comma, tab or semicolon (detected from the header line),
 * double-quoted fields with doubled quotes and embedded delimiters or line breaks, CRLF, LF and CR-only line
 * endings, and an optional byte-order mark. Blank lines (and lines whose fields are all empty and unquoted) are
 * skipped. Unquoted fields are trimmed of blanks; quoted content is kept as is.
 *
 * <p>Reads through a fixed char buffer and one reusable field buffer: no regular expressions, no whole-file
 * strings. Line numbers are 1-based physical lines; a record that spans lines (a quoted line break) is at the
 * line where it starts.
 */
public final class CsvTokenizer implements Closeable {
    private static final String[] EMPTY = new String[0];

    private final Reader in;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private long line = 1;
    private char delim = ',';
    private String[] fields = new String[16];
    private int count;
    private long recordLine;
    private char[] acc = new char[128];
    private int len;

    /** A tokenizer over already decoded text (the reader is buffered here; no need to wrap it). */
    public CsvTokenizer(Reader in) {
        this.in = in;
    }

    /** The delimiter in use (known after {@link #readHeader()}). */
    public char delimiter() {
        return delim;
    }

    /**
     * Skips blank lines and a byte-order mark, detects the delimiter from the first line (the one of comma, tab and
     * semicolon that occurs most often outside quotes; comma when none does) and reads it as a record.
     *
     * @return the header fields, or null when the text has no non-blank line
     * @throws CsvException for an unterminated quote
     */
    public String[] readHeader() throws IOException {
        if (fill(1) && buf[pos] == '\uFEFF') {
            pos++;
        }
        // skip blank lines so that the delimiter is detected on the header itself
        while (fill(1)) {
            char c = buf[pos];
            if (c == '\n') {
                pos++;
                line++;
            } else if (c == '\r') {
                pos++;
                if (fill(1) && buf[pos] == '\n') {
                    pos++;
                }
                line++;
            } else {
                break;
            }
        }
        delim = detectDelimiter();
        if (!next()) {
            return null;
        }
        return Arrays.copyOf(fields, count);
    }

    /** Looks ahead over the first line (growing the buffer as needed) and counts candidate delimiters. */
    private char detectDelimiter() throws IOException {
        int commas = 0;
        int tabs = 0;
        int semis = 0;
        boolean quoted = false;
        int i = pos;
        while (true) {
            if (i >= lim) {
                int offset = i - pos;
                if (!fillMore()) {
                    break;
                }
                i = pos + offset;
                continue;
            }
            char c = buf[i++];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semis++;
                }
            }
        }
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas && semis > tabs) {
            return ';';
        }
        return ',';
    }

    /** Reads more text after {@code lim}, keeping [pos, lim); false at end of input. */
    private boolean fillMore() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    /** Ensures at least {@code k} chars are buffered; false if the input ends first. */
    private boolean fill(int k) throws IOException {
        while (lim - pos < k) {
            if (!fillMore()) {
                return false;
            }
        }
        return true;
    }

    private int read() throws IOException {
        if (pos < lim || fill(1)) {
            return buf[pos++];
        }
        return -1;
    }

    private int peek() throws IOException {
        if (pos < lim || fill(1)) {
            return buf[pos];
        }
        return -1;
    }

    private void append(int c) {
        if (len == acc.length) {
            acc = Arrays.copyOf(acc, len * 2);
        }
        acc[len++] = (char) c;
    }

    private void addField(String s) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = s;
    }

    private boolean isBlank(int c) {
        return c == ' ' || (c == '\t' && delim != '\t');
    }

    /**
     * Reads the next non-blank record.
     *
     * @return false at the end of the input
     * @throws CsvException for an unterminated quoted field
     */
    public boolean next() throws IOException {
        while (true) {
            recordLine = line;
            count = 0;
            int c = read();
            if (c < 0) {
                return false;
            }
            boolean content = false;
            while (true) {
                len = 0;
                boolean quoted = false;
                while (isBlank(c)) {
                    c = read();
                }
                if (c == '"') {
                    quoted = true;
                    long opened = line;
                    while (true) {
                        c = read();
                        if (c < 0) {
                            throw new CsvException(opened, "unterminated quoted field (the quote opened on line "
                                    + opened + " is never closed)");
                        }
                        if (c == '"') {
                            if (peek() == '"') {
                                read();
                                append('"');
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        } else if (c == '\r') {
                            if (peek() == '\n') {
                                append('\r');
                                c = read();
                            }
                            line++;
                        }
                        append(c);
                    }
                    c = read();
                    // text after the closing quote (not RFC 4180): keep it, leniently
                    while (c >= 0 && c != delim && c != '\n' && c != '\r') {
                        if (!isBlank(c)) {
                            append(c);
                        }
                        c = read();
                    }
                } else {
                    while (c >= 0 && c != delim && c != '\n' && c != '\r') {
                        append(c);
                        c = read();
                    }
                    while (len > 0 && isBlank(acc[len - 1])) {
                        len--;
                    }
                }
                if (len > 0 || quoted) {
                    content = true;
                }
                addField(len == 0 ? "" : new String(acc, 0, len));
                if (c == delim) {
                    c = read();
                    continue;
                }
                if (c == '\r') {
                    if (peek() == '\n') {
                        read();
                    }
                    line++;
                } else if (c == '\n') {
                    line++;
                }
                break;
            }
            if (content) {
                return true;
            }
            if (c < 0) {
                return false;
            }
        }
    }

    /** Fields of the current record. */
    public int fieldCount() {
        return count;
    }

    /** Field {@code i} of the current record (trimmed unless quoted), or "" when the record has fewer fields. */
    public String field(int i) {
        return i < count ? fields[i] : "";
    }

    /** 1-based physical line where the current record starts. */
    public long line() {
        return recordLine;
    }

    /** The current physical line (where reading stopped). */
    public long currentLine() {
        return line;
    }

    /** The fields of the current record, copied. */
    public String[] fields() {
        return count == 0 ? EMPTY : Arrays.copyOf(fields, count);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A syntax error at a line. */
    public static final class CsvException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        /** @param line 1-based line; @param reason one-line reason */
        public CsvException(long line, String reason) {
            super(reason);
            this.line = line;
        }

        /** 1-based line. */
        public long line() {
            return line;
        }
    }
}
