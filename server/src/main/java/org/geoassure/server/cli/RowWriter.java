package org.geoassure.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * Streams rows as CSV (RFC 4180, header first, nulls empty), JSON (an array of objects, nulls as null) or Arrow IPC
 * stream (see {@link ArrowRows}). In CSV and JSON, numbers are written as the shortest decimal that reads back to the
 * same double, never with an exponent; geometries as WKT with z; timestamps as ISO-8601 instants.
 *
 * <p>Values are passed as they come (from the store or from JDBC): String, Double, Float, Long, Integer, BigDecimal,
 * Boolean, Instant, java.sql.Timestamp, a JTS Geometry, or null. The column {@link Kind} says what a binary format
 * stores; the text formats write each value by its own type.
 */
abstract class RowWriter implements AutoCloseable {
    /** What a column holds. */
    enum Kind {
        TEXT, DOUBLE, LONG, BOOLEAN, TIMESTAMP, GEOMETRY;

        /**
         * The kind of a JDBC result column ({@link java.sql.ResultSetMetaData#getColumnType} and its type name).
         * Calcite reports a GEOMETRY column as VARCHAR named GEOMETRY, so the name is looked at first.
         */
        static Kind ofSql(int sqlType, String typeName) {
            if ("GEOMETRY".equalsIgnoreCase(typeName)) {
                return GEOMETRY;
            }
            return switch (sqlType) {
                case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR -> TEXT;
                case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC -> DOUBLE;
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> LONG;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP;
                case Types.OTHER, Types.JAVA_OBJECT -> GEOMETRY;
                default -> TEXT;
            };
        }
    }

    /** A named, typed output column. */
    record Col(String name, Kind kind) {
        static Col text(String name) {
            return new Col(name, Kind.TEXT);
        }

        static Col number(String name) {
            return new Col(name, Kind.DOUBLE);
        }
    }

    /**
     * An opened output: characters for csv and json, bytes for arrow. Only one of the two is written to; for a file,
     * {@code text} wraps {@code bytes}.
     */
    record Output(Writer text, OutputStream bytes) {
    }

    protected final List<Col> columns;
    private WKTWriter wkt;

    RowWriter(List<Col> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A writer for {@code format} (csv, json or arrow) over {@code out}. */
    static RowWriter create(String format, Output out, List<Col> columns) {
        return format.equals("arrow") ? new ArrowRows(out.bytes(), columns) : create(format, out.text(), columns);
    }

    /** A text writer (csv or json) over {@code out}. */
    static RowWriter create(String format, Writer out, List<Col> columns) {
        return switch (format) {
            case "csv" -> new Csv(out, columns);
            case "json" -> new Json(out, columns);
            default -> throw new IllegalArgumentException("format " + format);
        };
    }

    /** Writes one row: values in column order (see the class comment for the types). */
    abstract void row(List<Object> values);

    /** Finishes the document and flushes; does not close the underlying writer or stream. */
    @Override
    public abstract void close();

    /** The column names. */
    static List<String> names(List<Col> columns) {
        return columns.stream().map(Col::name).toList();
    }

    /**
     * What the text formats print for a raw value (and Arrow for a TEXT column): a geometry as WKT with z, a
     * timestamp as an ISO-8601 instant, BigDecimal and Float as Double; anything else unchanged.
     */
    protected Object plain(Object v) {
        if (v instanceof Geometry g) {
            if (wkt == null) {
                wkt = new WKTWriter(3);
            }
            return wkt.write(g);
        }
        if (v instanceof Timestamp || v instanceof Instant || v instanceof OffsetDateTime) {
            return instant(v).toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        return v;
    }

    /** An instant from a JDBC or store value, for TIMESTAMP columns. */
    static Instant instant(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        return Instant.parse(v.toString());
    }

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

    /** CSV and JSON: values normalised by {@link #plain}, then written by their type. */
    private abstract static class Text extends RowWriter {
        protected final Writer out;

        Text(Writer out, List<Col> columns) {
            super(columns);
            this.out = out;
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

    private static final class Csv extends Text {
        Csv(Writer out, List<Col> columns) {
            super(out, columns);
            write(String.join(",", names(columns).stream().map(Csv::escape).toList()) + "\n");
        }

        @Override
        void row(List<Object> values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = plain(values.get(i));
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

    private static final class Json extends Text {
        private boolean first = true;

        Json(Writer out, List<Col> columns) {
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
                sb.append(quote(columns.get(i).name())).append(": ");
                Object v = plain(values.get(i));
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
}
