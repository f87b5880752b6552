package org.geoassure.geodb.grid;

/**
 * Morton (Z-order) codes of brick coordinates: the bits of (bi, bj, bk) interleaved, bi lowest. Bricks are written
 * and scanned in this order, so bricks near in space are near on disk. Coordinates take 21 bits each.
 */
public final class Morton {
    /** Largest coordinate a code can hold. */
    public static final int MAX = (1 << 21) - 1;

    private Morton() {
    }

    /** The code of brick (bi, bj, bk). */
    public static long encode(int bi, int bj, int bk) {
        if (bi < 0 || bj < 0 || bk < 0 || bi > MAX || bj > MAX || bk > MAX) {
            throw new IllegalArgumentException("brick (" + bi + "," + bj + "," + bk + ") outside 0.." + MAX);
        }
        return spread(bi) | spread(bj) << 1 | spread(bk) << 2;
    }

    /** Brick coordinate {@code axis} (0 = i, 1 = j, 2 = k) of a code. */
    public static int decode(long code, int axis) {
        return compact(code >>> axis);
    }

    /** The low 21 bits of {@code v} moved to every third bit (bit n to bit 3n): one axis of a 3D Morton code. */
    public static long spread(long v) {
        long x = v & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }

    private static int compact(long v) {
        long x = v & 0x1249249249249249L;
        x = (x ^ x >>> 2) & 0x10c30c30c30c30c3L;
        x = (x ^ x >>> 4) & 0x100f00f00f00f00fL;
        x = (x ^ x >>> 8) & 0x1f0000ff0000ffL;
        x = (x ^ x >>> 16) & 0x1f00000000ffffL;
        x = (x ^ x >>> 32) & 0x1fffffL;
        return (int) x;
    }
}
