package org.geoassure.ingest.omf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Writes a small flat Parquet file of double and uint32 columns: one row group, one uncompressed PLAIN data page (v1)
 * per column, definition levels (RLE/bit-packed, width 1) for optional columns. Only the Thrift structures of
 * parquet-format-structures are used, no Hadoop. Enough for OMF 2 arrays (vertices, triangles, segments, numbers).
 */
public final class ParquetColumnsWriter {
    private final int rows;
    private final List<SchemaElement> schema = new ArrayList<>();
    private final List<byte[]> pages = new ArrayList<>();
    private final List<ColumnMetaData> meta = new ArrayList<>();

    /** A file of {@code rows} rows; add its columns in order, then {@link #bytes()}. */
    public ParquetColumnsWriter(int rows) {
        this.rows = rows;
    }

    /** A float64 column; NaN is null when {@code optional}, else it is refused. */
    public ParquetColumnsWriter doubles(String name, double[] values, boolean optional) {
        check(name, values.length);
        ByteBuffer data = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        boolean[] present = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            present[i] = !Double.isNaN(values[i]);
            if (present[i]) {
                data.putDouble(values[i]);
            } else if (!optional) {
                throw new IllegalArgumentException("column " + name + ": row " + i + " is null in a required column");
            }
        }
        add(new SchemaElement(name).setType(Type.DOUBLE).setRepetition_type(optional ? FieldRepetitionType.OPTIONAL
                : FieldRepetitionType.REQUIRED), Type.DOUBLE, optional ? present : null, data.array(), data.position());
        return this;
    }

    /** A required uint32 column (values 0 .. 2^31 - 1 here). */
    public ParquetColumnsWriter uint32(String name, int[] values) {
        check(name, values.length);
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.putInt(v);
        }
        add(new SchemaElement(name).setType(Type.INT32).setRepetition_type(FieldRepetitionType.REQUIRED)
                .setConverted_type(ConvertedType.UINT_32).setLogicalType(LogicalType.INTEGER(new IntType((byte) 32,
                        false))), Type.INT32, null, data.array(), data.position());
        return this;
    }

    private void check(String name, int n) {
        if (n != rows) {
            throw new IllegalArgumentException("column " + name + ": " + n + " values for " + rows + " rows");
        }
    }

    private void add(SchemaElement leaf, Type type, boolean[] present, byte[] data, int dataLength) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (present != null) {
            byte[] levels = bitPacked(present);
            body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(levels.length).array());
            body.writeBytes(levels);
        }
        body.write(data, 0, dataLength);
        byte[] b = body.toByteArray();
        PageHeader h = new PageHeader(PageType.DATA_PAGE, b.length, b.length).setData_page_header(
                new DataPageHeader(rows, Encoding.PLAIN, Encoding.RLE, Encoding.RLE));
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        try {
            Util.writePageHeader(h, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.writeBytes(b);
        schema.add(leaf);
        pages.add(page.toByteArray());
        meta.add(new ColumnMetaData(type, List.of(Encoding.PLAIN, Encoding.RLE), List.of(leaf.getName()),
                CompressionCodec.UNCOMPRESSED, rows, page.size(), page.size(), 0));
    }

    /** Definition levels of width 1 as one bit-packed run of the RLE/bit-packing hybrid. */
    private static byte[] bitPacked(boolean[] present) {
        int groups = (present.length + 7) / 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long header = ((long) groups << 1) | 1;
        while ((header & ~0x7fL) != 0) {
            out.write((int) (header & 0x7f) | 0x80);
            header >>>= 7;
        }
        out.write((int) header);
        for (int g = 0; g < groups; g++) {
            int b = 0;
            for (int k = 0; k < 8 && 8 * g + k < present.length; k++) {
                if (present[8 * g + k]) {
                    b |= 1 << k;
                }
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    /** The whole file. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'P', 'A', 'R', '1'});
        List<ColumnChunk> chunks = new ArrayList<>();
        long total = 0;
        for (int c = 0; c < pages.size(); c++) {
            long offset = out.size();
            out.writeBytes(pages.get(c));
            ColumnMetaData m = meta.get(c).setData_page_offset(offset);
            chunks.add(new ColumnChunk(offset).setMeta_data(m));
            total += pages.get(c).length;
        }
        List<SchemaElement> all = new ArrayList<>();
        all.add(new SchemaElement("schema").setNum_children(schema.size()));
        all.addAll(schema);
        FileMetaData fmd = new FileMetaData(1, all, rows, rows == 0 ? List.of() : List.of(new RowGroup(chunks, total,
                rows))).setCreated_by("GeoAssure");
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        try {
            Util.writeFileMetaData(fmd, footer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(footer.toByteArray());
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.writeBytes(new byte[] {'P', 'A', 'R', '1'});
        return out.toByteArray();
    }
}
