package org.geoassure.geodb.store.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.geoassure.geodb.model.Column;
import org.geoassure.geodb.model.ColumnType;
import org.geoassure.geodb.model.IntervalRow;

/**
 * Read-optimised copies of runs of interval rows ("chunks"): up to {@link #MAX_ROWS} consecutive rows of one interval
 * set spanning at most {@link #MAX_LENGTH} metres of hole, packed into one blob. The R*Tree indexes chunk boxes and
 * a spatial query reads one blob per chunk instead of a dozen JNI column reads per row; the interval table stays
 * the row-per-interval source of truth for SQL and QGIS. Internal.
 *
 * <p>Blob layout (little endian): int rows, int columns; per row from, to, then the 9 positions (x, y, z of from,
 * to, mid); then per column, per row: NUMBER as a byte (1 present, 0 null) and a double; TEXT as an int byte length
 * (-1 for null) and UTF-8 bytes. Columns are the table's, in table order; a blob written before columns were added
 * has fewer, and the missing ones read as null.
 */
final class IntervalChunks {
    /** Most rows in one chunk. */
    static final int MAX_ROWS = 32;
    /** Most metres of hole from the first row's top to the last row's bottom. */
    static final double MAX_LENGTH = 100;

    private IntervalChunks() {
    }

    /** End (exclusive) of the chunk that starts at row {@code start}. */
    static int chunkEnd(List<IntervalRow> rows, int start) {
        double top = rows.get(start).from();
        double bottom = rows.get(start).to();
        int end = start + 1;
        while (end < rows.size() && end - start < MAX_ROWS) {
            double b = Math.max(bottom, rows.get(end).to());
            if (b - top > MAX_LENGTH) {
                break;
            }
            bottom = b;
            end++;
        }
        return end;
    }

    /**
     * Encodes rows [start, end).
     *
     * @param values row values in table column order ({@code values[row][column]}), Double, String or null
     */
    static byte[] encode(List<IntervalRow> rows, Object[][] values, double[] positions, int start, int end,
            List<Column> columns) {
        int n = end - start;
        int size = 8 + n * 11 * 8;
        byte[][] text = new byte[n * columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < n; i++) {
                Object v = values[start + i][c];
                if (columns.get(c).type() == ColumnType.NUMBER) {
                    size += 9;
                } else {
                    size += 4;
                    if (v != null) {
                        text[c * n + i] = v.toString().getBytes(StandardCharsets.UTF_8);
                        size += text[c * n + i].length;
                    }
                }
            }
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(n).putInt(columns.size());
        for (int i = start; i < end; i++) {
            b.putDouble(rows.get(i).from()).putDouble(rows.get(i).to());
            for (int k = 0; k < 9; k++) {
                b.putDouble(positions[9 * i + k]);
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            for (int i = 0; i < n; i++) {
                Object v = values[start + i][c];
                if (columns.get(c).type() == ColumnType.NUMBER) {
                    // SQLite stores NaN as NULL; the chunk does the same so both paths agree
                    boolean present = v instanceof Double d && !d.isNaN();
                    b.put((byte) (present ? 1 : 0)).putDouble(present ? (Double) v : 0);
                } else {
                    byte[] t = text[c * n + i];
                    b.putInt(t == null ? -1 : t.length);
                    if (t != null) {
                        b.put(t);
                    }
                }
            }
        }
        return b.array();
    }

    /** A decoded chunk: rows, their depths and positions, and values by table column (nulls allowed). */
    static final class Decoded {
        final int rows;
        final double[] fromTo;
        final double[] positions;
        final Object[][] values;

        private Decoded(int rows, double[] fromTo, double[] positions, Object[][] values) {
            this.rows = rows;
            this.fromTo = fromTo;
            this.positions = positions;
            this.values = values;
        }
    }

    static Decoded decode(byte[] data, List<Column> columns) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        int stored = b.getInt();
        double[] fromTo = new double[2 * n];
        double[] pos = new double[9 * n];
        for (int i = 0; i < n; i++) {
            fromTo[2 * i] = b.getDouble();
            fromTo[2 * i + 1] = b.getDouble();
            for (int k = 0; k < 9; k++) {
                pos[9 * i + k] = b.getDouble();
            }
        }
        Object[][] values = new Object[n][columns.size()];
        for (int c = 0; c < stored; c++) {
            for (int i = 0; i < n; i++) {
                if (columns.get(c).type() == ColumnType.NUMBER) {
                    boolean present = b.get() == 1;
                    double d = b.getDouble();
                    values[i][c] = present ? d : null;
                } else {
                    int len = b.getInt();
                    if (len >= 0) {
                        values[i][c] = new String(data, b.position(), len, StandardCharsets.UTF_8);
                        b.position(b.position() + len);
                    }
                }
            }
        }
        return new Decoded(n, fromTo, pos, values);
    }
}
