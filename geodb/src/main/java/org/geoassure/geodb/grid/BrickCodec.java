package org.geoassure.geodb.grid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The stored form of a brick, the same in every engine: one blob per attribute and brick holding {@link Brick#CELLS}
 * little-endian values in local-index order (float32, float64 or int32 by the attribute's type; nulls as NaN or
 * {@link AttributeType#INT_NULL}), and one presence blob per brick of {@code CELLS / 64} little-endian int64 words (bit
 * {@code n % 64} of word {@code n / 64} set when local cell {@code n} is present). Lengths are checked before any
 * array is allocated.
 */
public final class BrickCodec {
    private BrickCodec() {
    }

    /** Encodes an attribute column. */
    public static byte[] encode(AttributeType type, Object column) {
        ByteBuffer b = ByteBuffer.allocate(Brick.CELLS * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT32 -> b.asFloatBuffer().put((float[]) column);
            case FLOAT64 -> b.asDoubleBuffer().put((double[]) column);
            default -> b.asIntBuffer().put((int[]) column);
        }
        return b.array();
    }

    /**
     * Decodes an attribute column.
     *
     * @param where names the brick in the message of a length mismatch
     * @throws IllegalArgumentException if the blob has the wrong length
     */
    public static Object decode(AttributeType type, byte[] blob, String where) {
        int expected = Brick.CELLS * type.bytes();
        if (blob == null || blob.length != expected) {
            throw new IllegalArgumentException(where + ": brick blob has " + (blob == null ? "no" : blob.length)
                    + " bytes, expected " + expected + " (" + type + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT32 -> {
                float[] f = new float[Brick.CELLS];
                b.asFloatBuffer().get(f);
                return f;
            }
            case FLOAT64 -> {
                double[] d = new double[Brick.CELLS];
                b.asDoubleBuffer().get(d);
                return d;
            }
            default -> {
                int[] v = new int[Brick.CELLS];
                b.asIntBuffer().get(v);
                return v;
            }
        }
    }

    /** Encodes a presence mask. */
    public static byte[] encodeMask(long[] mask) {
        ByteBuffer b = ByteBuffer.allocate(mask.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(mask);
        return b.array();
    }

    /** Decodes a presence mask; a null blob is a full brick. */
    public static long[] decodeMask(byte[] blob, String where) {
        long[] mask = new long[Brick.CELLS / 64];
        if (blob == null) {
            java.util.Arrays.fill(mask, -1L);
            return mask;
        }
        if (blob.length != mask.length * 8) {
            throw new IllegalArgumentException(where + ": presence blob has " + blob.length + " bytes, expected "
                    + mask.length * 8);
        }
        ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(mask);
        return mask;
    }
}
