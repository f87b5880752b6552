package org.geoassure.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Streams rows as CSV (RFC 4180, header first, nulls empty) or JSON (an array of objects, nulls as null). Numbers are
 * written as the shortest decimal that reads back to the same double, never with an exponent.
 */
abstract class RowWriter implements AutoCloseable {
    protected final Writer out;
    protected final List<String> columns;

    private RowWriter(Writer out, List<String> columns) {
        this.out = out;
        this.columns = List.copyOf(columns);
    }

    static RowWriter create(String format, Writer out, List<String> columns) {
        return switch (format) {
            case "csv" -> new Csv(out, columns);
            case "json" -> new Json(out, columns);
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    /** Writes one row; values are Double, Long, Integer, String or null, in column order. */
    abstract void row(List<Object> values);

    /** Finishes the document and flushes; does not close the underlying writer. */
    @Override
    public abstract void close();

    /**
     * The shortest decimal that reads back to the same double, without an exponent: Gauss-Kruger eastings print as
     * {@code 39500100.5}, not {@code 3.95001005E7}.
     */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static final class Csv extends RowWriter {
        Csv(Writer out, List<String> columns) {
            super(out, columns);
            write(String.join(",", columns.stream().map(Csv::escape).toList()) + "\n");
        }

        @Override
        void row(List<Object> values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = values.get(i);
                if (v instanceof Double d) {
                    if (!d.isNaN()) {
                        sb.append(number(d));
                    }
                } else if (v != null) {
                    sb.append(escape(v.toString()));
                }
            }
            write(sb.append('\n').toString());
        }

        static String escape(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                return s;
            }
            return '"' + s.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static final class Json extends RowWriter {
        private boolean first = true;

        Json(Writer out, List<String> columns) {
            super(out, columns);
            write("[");
        }

        @Override
        void row(List<Object> values) {
            StringBuilder sb = new StringBuilder(first ? "\n  {" : ",\n  {");
            first = false;
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(quote(columns.get(i))).append(": ");
                Object v = values.get(i);
                if (v == null || v instanceof Double d && !Double.isFinite(d)) {
                    sb.append("null");
                } else if (v instanceof Double d) {
                    sb.append(number(d));
                } else if (v instanceof Number n) {
                    sb.append(n);
                } else {
                    sb.append(quote(v.toString()));
                }
            }
            write(sb.append('}').toString());
        }

        static String quote(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        @Override
        public void close() {
            write(first ? "]\n" : "\n]\n");
            flush();
        }
    }

    protected void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
