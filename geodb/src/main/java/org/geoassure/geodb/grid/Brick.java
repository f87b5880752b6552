package org.geoassure.geodb.grid;

import java.util.Arrays;
import java.util.List;

/**
 * A brick: 32 × 32 × 32 cells of a model, one primitive array per attribute ({@code float[]}, {@code double[]} or
 * {@code int[]} of {@link #CELLS} values) and a presence mask. Cell (i, j, k) lies in brick (i / 32, j / 32, k / 32) at
 * local index {@code (i % 32) + 32 (j % 32) + 1024 (k % 32)} (i fastest, like GSLIB). An absent cell (not stored, or
 * beyond the grid's edge) holds the null value of every attribute and is not in the mask; a present cell may still
 * have null values.
 *
 * <p>A brick read from a store may hold only the attributes a query needs ({@link #loaded}).
 */
public final class Brick {
    /** Cells along each side. */
    public static final int SIZE = 32;
    /** Cells in a brick. */
    public static final int CELLS = SIZE * SIZE * SIZE;
    /** log2 of {@link #SIZE}. */
    static final int SHIFT = 5;

    private final long index;
    private final long[] mask;
    private final Object[] columns;
    private final List<BlockAttribute> attributes;
    private int cells;

    /**
     * A brick over existing arrays (not copied).
     *
     * @param index Morton code of the brick
     * @param mask presence bits, {@code CELLS / 64} longs
     * @param attributes the model's attributes
     * @param columns one array per attribute, or null for an attribute not loaded
     */
    public Brick(long index, long[] mask, List<BlockAttribute> attributes, Object[] columns) {
        if (mask.length != CELLS / 64 || columns.length != attributes.size()) {
            throw new IllegalArgumentException("brick " + index + ": mask or column count does not match");
        }
        this.index = index;
        this.mask = mask;
        this.attributes = attributes;
        this.columns = columns;
        for (long m : mask) {
            cells += Long.bitCount(m);
        }
        for (int a = 0; a < columns.length; a++) {
            if (columns[a] != null && length(columns[a]) != CELLS) {
                throw new IllegalArgumentException("brick " + index + ": attribute " + attributes.get(a).name()
                        + " has " + length(columns[a]) + " values, expected " + CELLS);
            }
        }
    }

    /** An empty brick (no cell present, every value null). */
    static Brick empty(long index, List<BlockAttribute> attributes) {
        Object[] cols = new Object[attributes.size()];
        for (int a = 0; a < cols.length; a++) {
            cols[a] = nullColumn(attributes.get(a).type());
        }
        return new Brick(index, new long[CELLS / 64], attributes, cols);
    }

    /** A column of {@link #CELLS} nulls of that type. */
    public static Object nullColumn(AttributeType type) {
        switch (type) {
            case FLOAT32 -> {
                float[] f = new float[CELLS];
                Arrays.fill(f, Float.NaN);
                return f;
            }
            case FLOAT64 -> {
                double[] d = new double[CELLS];
                Arrays.fill(d, Double.NaN);
                return d;
            }
            default -> {
                int[] v = new int[CELLS];
                Arrays.fill(v, AttributeType.INT_NULL);
                return v;
            }
        }
    }

    private static int length(Object column) {
        return column instanceof float[] f ? f.length : column instanceof double[] d ? d.length : ((int[]) column).length;
    }

    /** Local index of a cell inside its brick. */
    public static int local(int i, int j, int k) {
        return (i & (SIZE - 1)) | (j & (SIZE - 1)) << SHIFT | (k & (SIZE - 1)) << (2 * SHIFT);
    }

    /** Morton code of this brick. */
    public long index() {
        return index;
    }

    /** Brick coordinate along {@code axis} (0 = i, 1 = j, 2 = k). */
    public int coordinate(int axis) {
        return Morton.decode(index, axis);
    }

    /** Present cells. */
    public int cells() {
        return cells;
    }

    /** Whether the cell at local index {@code local} is present. */
    public boolean present(int local) {
        return (mask[local >>> 6] & 1L << local) != 0;
    }

    /** The presence bits (not copied: do not change). */
    public long[] mask() {
        return mask;
    }

    void markPresent(int local) {
        if (!present(local)) {
            mask[local >>> 6] |= 1L << local;
            cells++;
        }
    }

    /** Whether attribute {@code a}'s array is loaded. */
    public boolean loaded(int a) {
        return columns[a] != null;
    }

    /** The array of attribute {@code a} ({@code float[]}, {@code double[]} or {@code int[]}; not copied). */
    public Object column(int a) {
        if (columns[a] == null) {
            throw new IllegalStateException("attribute " + attributes.get(a).name() + " of brick " + index
                    + " was not loaded");
        }
        return columns[a];
    }

    /** Value of attribute {@code a} at a local index as a double: NaN for null (and for an absent cell). */
    public double value(int a, int local) {
        Object c = column(a);
        if (c instanceof float[] f) {
            return f[local];
        }
        if (c instanceof double[] d) {
            return d[local];
        }
        int v = ((int[]) c)[local];
        return v == AttributeType.INT_NULL ? Double.NaN : v;
    }

    /** Statistics of attribute {@code a} over the present cells. */
    public BrickStats stats(int a) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long count = 0;
        long nulls = 0;
        for (int w = 0; w < mask.length; w++) {
            long bits = mask[w];
            while (bits != 0) {
                int local = w << 6 | Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                double v = value(a, local);
                if (Double.isNaN(v)) {
                    nulls++;
                } else {
                    count++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return count == 0 ? new BrickStats(Double.NaN, Double.NaN, 0, nulls) : new BrickStats(min, max, count, nulls);
    }
}
