package org.geoassure.server.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Rows as an Arrow IPC stream: the schema, then record batches of at most {@link #BATCH_ROWS} rows (fewer when the
 * batch's text and geometry bytes reach {@link #BATCH_BYTES}), then the end-of-stream marker. Each batch is written
 * as soon as it is full and its vectors are reset, so memory holds one batch whatever the row count.
 *
 * <p>Types: TEXT Utf8, DOUBLE Float64 (NaN as null), LONG Int64, BOOLEAN Bool, TIMESTAMP Timestamp(µs, "UTC"),
 * GEOMETRY Binary of ISO WKB, with z when the geometry has one ({@link IsoWkb}), tagged {@code ARROW:extension:name = geoarrow.wkb} with
 * {@code ARROW:extension:metadata = {}} (CRS not stated). Every field is nullable.
 */
final class ArrowRows extends RowWriter {
    /** Rows per record batch at most. */
    static final int BATCH_ROWS = 65_536;
    /** A batch is written early once its variable-width values (text, WKB) reach this many bytes. */
    static final long BATCH_BYTES = 64L << 20;

    static final String EXTENSION_NAME = "ARROW:extension:name";
    static final String EXTENSION_METADATA = "ARROW:extension:metadata";
    static final String GEOARROW_WKB = "geoarrow.wkb";

    private final RootAllocator ownRoot;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final OutputStream out;
    private final ArrowStreamWriter writer;
    private final int batchRows;
    private final WKTReader wktReader = new WKTReader();
    private int n;
    private long batchBytes;
    private long batches;

    /** A writer with its own allocator, closed with it. */
    ArrowRows(OutputStream out, List<Col> columns) {
        this(out, columns, new RootAllocator(), BATCH_ROWS, true);
    }

    /** A writer allocating from a child of {@code parent} (for tests that bound memory); {@code parent} stays open. */
    ArrowRows(OutputStream out, List<Col> columns, BufferAllocator parent, int batchRows) {
        this(out, columns, parent, batchRows, false);
    }

    private ArrowRows(OutputStream out, List<Col> columns, BufferAllocator parent, int batchRows, boolean ownParent) {
        super(columns);
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
        }
        this.ownRoot = ownParent ? (RootAllocator) parent : null;
        this.allocator = parent.newChildAllocator("arrow-rows", 0, parent.getLimit());
        this.batchRows = batchRows;
        List<Field> fields = new ArrayList<>(columns.size());
        for (Col c : columns) {
            fields.add(field(c));
        }
        this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        root.allocateNew();
        this.out = new BufferedOutputStream(new KeepOpen(out), 1 << 16);
        this.writer = new ArrowStreamWriter(root, new DictionaryProvider.MapDictionaryProvider(), this.out);
        try {
            writer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Arrow field of a column. */
    static Field field(Col c) {
        ArrowType type = switch (c.kind()) {
            case TEXT -> ArrowType.Utf8.INSTANCE;
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case LONG -> new ArrowType.Int(64, true);
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case GEOMETRY -> ArrowType.Binary.INSTANCE;
        };
        Map<String, String> metadata = c.kind() == Kind.GEOMETRY
                ? Map.of(EXTENSION_NAME, GEOARROW_WKB, EXTENSION_METADATA, "{}") : null;
        return new Field(c.name(), new FieldType(true, type, null, metadata), null);
    }

    /** Record batches written so far. */
    long batches() {
        return batches;
    }

    @Override
    void row(List<Object> values) {
        if (values.size() != vectors.length) {
            throw new IllegalArgumentException("row of " + values.size() + " values for " + vectors.length + " columns");
        }
        for (int i = 0; i < vectors.length; i++) {
            Object v = values.get(i);
            if (v != null) { // a null is a validity bit left unset
                set(i, v);
            }
        }
        n++;
        if (n >= batchRows || batchBytes >= BATCH_BYTES) {
            flushBatch();
        }
    }

    private void set(int i, Object v) {
        Col c = columns.get(i);
        switch (c.kind()) {
            case TEXT -> {
                Object p = plain(v); // the text CSV would print; NaN is null as there
                if (!(p instanceof Double d && d.isNaN())) {
                    byte[] b = (p instanceof Double d ? number(d) : p.toString()).getBytes(StandardCharsets.UTF_8);
                    ((VarCharVector) vectors[i]).setSafe(n, b);
                    batchBytes += b.length;
                }
            }
            case DOUBLE -> {
                double d = number(c, v).doubleValue();
                if (!Double.isNaN(d)) {
                    ((Float8Vector) vectors[i]).setSafe(n, d);
                }
            }
            case LONG -> ((BigIntVector) vectors[i]).setSafe(n, number(c, v).longValue());
            case BOOLEAN -> {
                if (!(v instanceof Boolean b)) {
                    throw mismatch(c, v);
                }
                ((BitVector) vectors[i]).setSafe(n, b ? 1 : 0);
            }
            case TIMESTAMP -> {
                Instant t = instant(v);
                long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
                ((TimeStampMicroTZVector) vectors[i]).setSafe(n, micros);
            }
            case GEOMETRY -> {
                byte[] b = IsoWkb.write(geometry(c, v));
                ((VarBinaryVector) vectors[i]).setSafe(n, b);
                batchBytes += b.length;
            }
        }
    }

    /**
     * A geometry, or one parsed from WKT: Calcite's JDBC result set hands a GEOMETRY column over as the text of
     * {@code Geometry.toString()}.
     */
    private Geometry geometry(Col c, Object v) {
        if (v instanceof Geometry g) {
            return g;
        }
        if (v instanceof String s) {
            try {
                return wktReader.read(s);
            } catch (ParseException e) {
                throw new IllegalStateException("column '" + c.name() + "' (GEOMETRY): not WKT: " + e.getMessage(), e);
            }
        }
        throw mismatch(c, v);
    }

    private static Number number(Col c, Object v) {
        if (v instanceof Number x) {
            return x;
        }
        throw mismatch(c, v);
    }

    private static IllegalStateException mismatch(Col c, Object v) {
        return new IllegalStateException("column '" + c.name() + "' (" + c.kind() + "): cannot write a "
                + v.getClass().getSimpleName());
    }

    /** Writes the rows held as one record batch and resets the vectors for the next. */
    private void flushBatch() {
        root.setRowCount(n);
        try {
            writer.writeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batches++;
        for (FieldVector v : vectors) {
            v.reset();
        }
        n = 0;
        batchBytes = 0;
    }

    /** Writes the last, partial batch and the end-of-stream marker, flushes, and frees the vectors. */
    @Override
    public void close() {
        try (allocator; root; writer) { // closed in reverse: writer, vectors, then their allocator
            if (n > 0) {
                flushBatch();
            }
            writer.end();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ownRoot != null) {
                ownRoot.close();
            }
        }
    }

    /** Passes everything on but leaves the stream open: standard output and --out's file are closed by their owner. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
