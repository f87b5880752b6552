package org.geoassure.ingest.omf.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.NoHadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;

/**
 * One Parquet member of an OMF v2 file read into primitive columns, through parquet-hadoop without Hadoop (see
 * {@link NoHadoopReadOptions}). Columns are flat (OMF never repeats); a value is null when its definition level is
 * below the column's maximum (an optional column, or an optional struct around it). Before anything is allocated the
 * footer is checked: every column chunk lies inside the member, the row count is the one the index promised, and the
 * columns fit in the heap. Any failure of the library is an {@link InvalidContentException} naming the member.
 */
public final class ParquetTable {
    /** What a column holds. */
    public enum Type {
        /** float or double, in {@link Column#doubles}. */
        FLOAT,
        /** a signed or unsigned integer, in {@link Column#longs}. */
        INTEGER,
        /** days since 1970-01-01, in {@link Column#longs}. */
        DATE,
        /** microseconds since 1970-01-01T00:00:00Z, in {@link Column#longs}. */
        TIMESTAMP,
        /** 0 or 1, in {@link Column#longs}. */
        BOOLEAN,
        /** UTF-8 text, in {@link Column#texts}. */
        TEXT
    }

    /**
     * One column.
     *
     * @param name leaf name (the last part of its path)
     * @param type what it holds
     * @param doubles values of a FLOAT column, else null
     * @param longs values of the integer-like columns, else null
     * @param texts values of a TEXT column, else null
     * @param present whether each row has a value
     */
    public record Column(String name, Type type, double[] doubles, long[] longs, String[] texts, boolean[] present) {
        /** Row {@code r} as a double (NaN for null); TEXT columns are NaN. */
        public double number(int r) {
            if (!present[r]) {
                return Double.NaN;
            }
            return switch (type) {
                case FLOAT -> doubles[r];
                case TEXT -> Double.NaN;
                default -> longs[r];
            };
        }
    }

    private final String member;
    private final int rows;
    private final Map<String, Column> columns;

    private ParquetTable(String member, int rows, Map<String, Column> columns) {
        this.member = member;
        this.rows = rows;
        this.columns = columns;
    }

    public int rows() {
        return rows;
    }

    /** Names of the leaf columns, in schema order. */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The column of that leaf name, or an error naming the member and the columns it has. */
    public Column column(String source, String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new InvalidContentException(source, -1, member + ": no column '" + name + "' (columns: "
                    + columns.keySet() + ")");
        }
        return c;
    }

    /** Whether there is a column of that name. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Reads a Parquet file held in memory.
     *
     * @param source the OMF file, as named in messages
     * @param member the zip member name
     * @param bytes its content
     * @param expectedRows the item count the index gives
     */
    public static ParquetTable read(String source, String member, byte[] bytes, long expectedRows) {
        try {
            return readChecked(source, member, bytes, expectedRows);
        } catch (InvalidContentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a damaged member: the library's own message, with the member named
            throw new InvalidContentException(source, -1, member + ": not a readable Parquet file: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
        }
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static ParquetTable readChecked(String source, String member, byte[] bytes, long expectedRows)
            throws IOException {
        if (bytes.length < 12 || !magic(bytes, 0) || !magic(bytes, bytes.length - 4)) {
            throw new InvalidContentException(source, -1, member + ": not a Parquet file (no PAR1 magic at its start "
                    + "and end; " + bytes.length + " bytes)");
        }
        InputFile in = new MemoryInputFile(bytes);
        ParquetReadOptions options = NoHadoopReadOptions.create(GzipCodecs.INSTANCE);
        try (ParquetFileReader reader = new ParquetFileReader(in, options)) {
            return read(source, member, bytes, expectedRows, reader);
        }
    }

    private static ParquetTable read(String source, String member, byte[] bytes, long expectedRows,
            ParquetFileReader reader) throws IOException {
        ParquetMetadata footer = reader.getFooter();
        MessageType schema = footer.getFileMetaData().getSchema();
        long total = 0;
        for (BlockMetaData b : footer.getBlocks()) {
            if (b.getRowCount() < 0) {
                throw bad(source, member, "a row group has " + b.getRowCount() + " rows");
            }
            total += b.getRowCount();
            for (ColumnChunkMetaData c : b.getColumns()) {
                long start = c.getStartingPos();
                long size = c.getTotalSize();
                if (start < 4 || size < 0 || start + size > bytes.length - 8L) {
                    throw bad(source, member, "column chunk " + c.getPath() + " at byte " + start + " of " + size
                            + " bytes lies outside the member's " + bytes.length + " bytes");
                }
                if (c.getCodec() != CompressionCodecName.UNCOMPRESSED && c.getCodec() != CompressionCodecName.GZIP) {
                    throw new UnsupportedFormatException(source, member + ": column " + c.getPath() + " is compressed "
                            + "with " + c.getCodec() + "; GeoAssure reads uncompressed and GZIP Parquet members");
                }
            }
        }
        if (total != expectedRows) {
            throw bad(source, member, "has " + total + " rows but the index gives item_count " + expectedRows);
        }
        List<ColumnDescriptor> descriptors = schema.getColumns();
        long bytesPerRow = 1;
        for (ColumnDescriptor d : descriptors) {
            if (d.getMaxRepetitionLevel() > 0) {
                throw new UnsupportedFormatException(source, member + ": column " + String.join(".", d.getPath())
                        + " is repeated; OMF arrays are flat");
            }
            bytesPerRow += 9;
        }
        long need = total * bytesPerRow;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (total > Integer.MAX_VALUE - 8 || need > free / 2) {
            throw bad(source, member, total + " rows need about " + (need >> 20) + " MB, more than this JVM's heap "
                    + "allows (give it more with -Xmx)");
        }
        int n = (int) total;
        Map<String, Column> out = new LinkedHashMap<>();
        for (ColumnDescriptor d : descriptors) {
            String[] path = d.getPath();
            String name = path[path.length - 1];
            if (out.containsKey(name)) {
                throw bad(source, member, "has two columns named '" + name + "'");
            }
            out.put(name, allocate(source, member, name, d.getPrimitiveType(), n));
        }
        {
            int base = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
                        new GroupRecordConverter(schema).getRootConverter(), schema,
                        footer.getFileMetaData().getCreatedBy());
                int groupRows = (int) pages.getRowCount();
                for (ColumnDescriptor d : descriptors) {
                    String[] path = d.getPath();
                    Column col = out.get(path[path.length - 1]);
                    ColumnReader r = store.getColumnReader(d);
                    long values = r.getTotalValueCount();
                    if (values != groupRows) {
                        throw bad(source, member, "column " + col.name() + " has " + values + " values for "
                                + groupRows + " rows");
                    }
                    int max = d.getMaxDefinitionLevel();
                    for (int i = 0; i < groupRows; i++) {
                        int row = base + i;
                        if (r.getCurrentDefinitionLevel() == max) {
                            col.present[row] = true;
                            fill(col, d.getPrimitiveType(), r, row);
                        }
                        r.consume();
                    }
                }
                base += groupRows;
            }
        }
        return new ParquetTable(member, n, out);
    }

    private static InvalidContentException bad(String source, String member, String reason) {
        return new InvalidContentException(source, -1, member + ": " + reason);
    }

    private static boolean magic(byte[] b, int at) {
        return b[at] == 'P' && b[at + 1] == 'A' && b[at + 2] == 'R' && b[at + 3] == '1';
    }

    private static Column allocate(String source, String member, String name, PrimitiveType p, int n) {
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        boolean[] present = new boolean[n];
        switch (p.getPrimitiveTypeName()) {
            case FLOAT, DOUBLE -> {
                return new Column(name, Type.FLOAT, new double[n], null, null, present);
            }
            case INT32, INT64 -> {
                Type t = logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? Type.DATE
                        : logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? Type.TIMESTAMP
                        : Type.INTEGER;
                return new Column(name, t, null, new long[n], null, present);
            }
            case BOOLEAN -> {
                return new Column(name, Type.BOOLEAN, null, new long[n], null, present);
            }
            case BINARY -> {
                return new Column(name, Type.TEXT, null, null, new String[n], present);
            }
            default -> throw new UnsupportedFormatException(source, member + ": column " + name + " is of Parquet "
                    + "type " + p.getPrimitiveTypeName() + ", which OMF does not use");
        }
    }

    private static void fill(Column c, PrimitiveType p, ColumnReader r, int row) {
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        switch (p.getPrimitiveTypeName()) {
            case FLOAT -> c.doubles[row] = r.getFloat();
            case DOUBLE -> c.doubles[row] = r.getDouble();
            case INT32 -> {
                int v = r.getInteger();
                boolean unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
                c.longs[row] = unsigned ? Integer.toUnsignedLong(v) : v;
            }
            case INT64 -> {
                long v = r.getLong();
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
                    v = switch (t.getUnit()) {
                        case MILLIS -> Math.multiplyExact(v, 1000L);
                        case MICROS -> v;
                        case NANOS -> Math.floorDiv(v, 1000L);
                    };
                }
                c.longs[row] = v;
            }
            case BOOLEAN -> c.longs[row] = r.getBoolean() ? 1 : 0;
            case BINARY -> c.texts[row] = new String(r.getBinary().getBytes(), StandardCharsets.UTF_8);
            default -> throw new IllegalStateException("checked in allocate");
        }
    }

    /** A Parquet file in a byte array. */
    private static final class MemoryInputFile implements InputFile {
        private final byte[] bytes;

        MemoryInputFile(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return bytes.length - in.available();
                }

                @Override
                public void seek(long newPos) throws IOException {
                    if (newPos < 0 || newPos > bytes.length) {
                        throw new IOException("seek to byte " + newPos + " of " + bytes.length);
                    }
                    in.reset();
                    in.skip(newPos);
                }
            };
        }
    }

    /** Uncompressed and GZIP pages, through java.util.zip; the inflated size is the one the page header gives. */
    private enum GzipCodecs implements CompressionCodecFactory {
        INSTANCE;

        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("GeoAssure only reads Parquet here");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return switch (codec) {
                case UNCOMPRESSED -> new BytesInputDecompressor() {
                    @Override
                    public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
                        return bytes;
                    }

                    @Override
                    public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize) {
                        ByteBuffer slice = in.duplicate();
                        slice.limit(slice.position() + compressedSize);
                        out.put(slice);
                    }

                    @Override
                    public void release() {
                    }
                };
                case GZIP -> new BytesInputDecompressor() {
                    @Override
                    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                        return BytesInput.from(inflate(bytes.toByteArray(), uncompressedSize));
                    }

                    @Override
                    public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize)
                            throws IOException {
                        byte[] b = new byte[compressedSize];
                        in.duplicate().get(b);
                        out.put(inflate(b, uncompressedSize));
                    }

                    @Override
                    public void release() {
                    }
                };
                default -> throw new IllegalArgumentException("compression " + codec + " is not read");
            };
        }

        @Override
        public void release() {
        }

        /** Inflates, refusing a page whose inflated size is not the one its header states (checked as it grows). */
        private static byte[] inflate(byte[] compressed, int uncompressedSize) throws IOException {
            // DEFLATE cannot expand more than 1032:1, so a larger claim is a damaged header
            if (uncompressedSize < 0 || uncompressedSize > 1032L * compressed.length + 1024) {
                throw new IOException("a GZIP page of " + compressed.length + " bytes claims " + uncompressedSize
                        + " bytes inflated");
            }
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(uncompressedSize, 1 << 20));
                byte[] buf = new byte[8192];
                for (int k; (k = gz.read(buf)) > 0;) {
                    out.write(buf, 0, k);
                    if (out.size() > uncompressedSize) {
                        throw new IOException("a GZIP page inflates to more than the " + uncompressedSize
                                + " bytes its header states");
                    }
                }
                if (out.size() != uncompressedSize) {
                    throw new IOException("a GZIP page inflates to " + out.size() + " bytes, its header states "
                            + uncompressedSize);
                }
                return out.toByteArray();
            }
        }
    }
}
