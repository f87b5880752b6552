package org.geoassure.ingest.segy.internal;

import java.nio.ByteBuffer;
import org.geoassure.ingest.segy.SampleFormat;

/** Decoders from file bytes to {@code float}, one loop per format. The buffer's byte order is the file's. */
public final class Samples {
    private Samples() {
    }

    /**
     * IBM hexadecimal float bits to the float of the same value (exact whenever the result is a normal float).
     * Fast path, exponent byte 39..96 (magnitudes between about 1e-37 and 1e38, fraction normalised or not): the
     * 24-bit fraction converted to float is exact, and multiplying by {@code 16^(e - 64) * 2^-24} is adding
     * {@code 4e - 280} to its exponent field; a zero fraction is zero. Otherwise {@link #ibmToFloatSlow}.
     */
    public static float ibmToFloat(int bits) {
        int e = (bits >>> 24) & 0x7F;
        int fraction = bits & 0x00FF_FFFF;
        if (e < 39 || e > 96) {
            return ibmToFloatSlow(bits);
        }
        int r = fraction == 0 ? 0 : Float.floatToRawIntBits(fraction) + ((4 * e - 280) << 23);
        return Float.intBitsToFloat(r | (bits & 0x8000_0000));
    }

    /**
     * Any exponent: {@code (fraction * 2^-24) * s * s} with {@code s = 2^(2e - 128)} built from its bits. The first
     * product is exact, the second too whenever the result is a normal float, so one rounding happens; results
     * beyond the float range become infinities, below it zeros or subnormals.
     */
    static float ibmToFloatSlow(int bits) {
        int h = Math.max(1, 2 * ((bits >>> 24) & 0x7F) - 1);
        float s = Float.intBitsToFloat(h << 23);
        float v = (bits & 0x00FF_FFFF) * 0x1p-24f * s * s;
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) | (bits & 0x8000_0000));
    }

    /** Decodes {@code n} samples from {@code src} at absolute position {@code srcPos} into {@code dst}. */
    public static void decode(SampleFormat format, ByteBuffer src, int srcPos, float[] dst, int dstOff, int n) {
        boolean big = src.order() == java.nio.ByteOrder.BIG_ENDIAN;
        switch (format) {
            case IBM_FLOAT -> ibm(src, srcPos, dst, dstOff, n);
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getInt(srcPos + 4 * i);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getShort(srcPos + 2 * i);
                }
            }
            case IEEE_FLOAT -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getFloat(srcPos + 4 * i);
                }
            }
            case IEEE_DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = (float) src.getDouble(srcPos + 8 * i);
                }
            }
            case INT24, UINT24 -> {
                boolean signed = format == SampleFormat.INT24;
                for (int i = 0; i < n; i++) {
                    int p = srcPos + 3 * i;
                    int b0 = src.get(p) & 0xFF;
                    int b1 = src.get(p + 1) & 0xFF;
                    int b2 = src.get(p + 2) & 0xFF;
                    int v = big ? (b0 << 16) | (b1 << 8) | b2 : (b2 << 16) | (b1 << 8) | b0;
                    dst[dstOff + i] = signed ? (v << 8) >> 8 : v;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.get(srcPos + i);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getLong(srcPos + 8 * i);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getInt(srcPos + 4 * i) & 0xFFFF_FFFFL;
                }
            }
            case UINT16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.getShort(srcPos + 2 * i) & 0xFFFF;
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    long v = src.getLong(srcPos + 8 * i);
                    // unsigned: halve (keeping the sticky bit) so the signed conversion is exact enough, then double
                    dst[dstOff + i] = v >= 0 ? (float) v : (float) ((v >>> 1 | (v & 1)) * 2.0);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = src.get(srcPos + i) & 0xFF;
                }
            }
            default -> throw new AssertionError(format);
        }
    }

    /** The IBM loop on its own, so that the JIT compiles and unrolls it apart from the other formats. */
    private static void ibm(ByteBuffer src, int srcPos, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = ibmToFloat(src.getInt(srcPos + 4 * i));
        }
    }
}
