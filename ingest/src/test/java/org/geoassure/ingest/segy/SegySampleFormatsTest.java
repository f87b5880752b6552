package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.geoassure.ingest.segy.internal.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every sample format in both byte orders, on synthetic files written here (rev 1 binary header, no byte-order
 * field, so the order is detected from the format code), and the IBM conversion against exact arithmetic.
 */
class SegySampleFormatsTest {
    @TempDir
    Path dir;

    /** Values every format can hold exactly (unsigned formats take the non-negative ones). */
    private static final long[] SIGNED = {0, 1, -1, 100, -128, 127, -77};
    private static final long[] UNSIGNED = {0, 1, 255, 100, 128, 127, 77};

    private Path write(SampleFormat format, ByteOrder order, long[] values) throws Exception {
        int ns = values.length;
        int bps = format.bytesPerSample();
        ByteBuffer b = ByteBuffer.allocate(3600 + 2 * (240 + ns * bps)).order(order);
        for (int i = 0; i < 3200; i++) {
            b.put(i, (byte) 0x40); // EBCDIC blanks
        }
        b.put(0, (byte) 0xC3);
        b.putShort(3216, (short) 2000).putShort(3220, (short) ns).putShort(3224, (short) format.code());
        b.put(3500, (byte) 1).putShort(3502, (short) 1);
        for (int t = 0; t < 2; t++) {
            int base = 3600 + t * (240 + ns * bps);
            b.putInt(base + 188, 10 + t).putInt(base + 192, 7).putShort(base + 114, (short) ns);
            for (int i = 0; i < ns; i++) {
                int p = base + 240 + i * bps;
                long v = values[i] * (t + 1) / (t + 1);
                switch (format) {
                    case IBM_FLOAT -> b.putInt(p, ibm(v));
                    case INT32, UINT32 -> b.putInt(p, (int) v);
                    case INT16, UINT16 -> b.putShort(p, (short) v);
                    case IEEE_FLOAT -> b.putFloat(p, v);
                    case IEEE_DOUBLE -> b.putDouble(p, v);
                    case INT8, UINT8 -> b.put(p, (byte) v);
                    case INT64, UINT64 -> b.putLong(p, v);
                    case INT24, UINT24 -> {
                        byte[] three = {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
                        for (int k = 0; k < 3; k++) {
                            b.put(p + k, three[order == ByteOrder.BIG_ENDIAN ? k : 2 - k]);
                        }
                    }
                    default -> throw new AssertionError(format);
                }
            }
        }
        Path p = dir.resolve(format + "-" + order + ".sgy");
        Files.write(p, b.array());
        return p;
    }

    /** IBM bits of a small integer, by hand: fraction = v * 2^24 / 16^e with 16^(e-1) <= |v| < 16^e. */
    private static int ibm(long v) {
        if (v == 0) {
            return 0;
        }
        long a = Math.abs(v);
        int e = 0;
        while ((1L << (4 * e)) <= a) {
            e++;
        }
        int fraction = (int) ((a << 24) >> (4 * e));
        return (v < 0 ? 0x8000_0000 : 0) | (64 + e) << 24 | fraction;
    }

    @ParameterizedTest
    @EnumSource(SampleFormat.class)
    void bothByteOrders(SampleFormat format) throws Exception {
        boolean unsigned = format.name().startsWith("UINT");
        long[] values = unsigned ? UNSIGNED : SIGNED;
        float[] expected = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = values[i];
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            try (SegyFile f = SegyReader.open(write(format, order, values))) {
                assertEquals(order, f.byteOrder(), format + " detected order");
                assertEquals(format, f.sampleFormat());
                assertEquals(2, f.traceCount());
                assertEquals(2000.0, f.sampleInterval());
                float[] s = new float[values.length];
                f.readSamples(1, s, 0);
                assertArrayEquals(expected, s, format + " " + order);
                float[] both = new float[2 * values.length];
                f.readTraces(0, 2, both, 0);
                assertArrayEquals(expected, java.util.Arrays.copyOfRange(both, values.length, both.length));
                assertEquals(11, f.traceHeader(1).inline());
            }
        }
    }

    @Test
    void unsignedExtremes() throws Exception {
        Path p = write(SampleFormat.UINT32, ByteOrder.BIG_ENDIAN, new long[] {0xFFFF_FFFFL});
        try (SegyFile f = SegyReader.open(p)) {
            float[] s = new float[1];
            f.readSamples(0, s, 0);
            assertEquals(4294967295f, s[0]);
        }
    }

    /** The IBM conversion equals the exact value rounded once, for every exponent, both signs, unnormalised too. */
    @Test
    void ibmConversionIsCorrectlyRounded() {
        SplittableRandom rnd = new SplittableRandom(20261129);
        for (int e = 0; e < 128; e++) {
            for (int k = 0; k < 24; k++) {
                int fraction = k == 0 ? 0x00FF_FFFF : k == 1 ? 0x0010_0000 : k == 2 ? 1 : k == 3 ? 0xABC : k == 4 ? 0
                        : rnd.nextInt(1 << 24);
                int bits = (k % 2 == 0 ? 0 : 0x8000_0000) | e << 24 | fraction;
                BigDecimal exact = new BigDecimal(fraction).multiply(new BigDecimal(2).pow(4 * e, java.math
                        .MathContext.UNLIMITED).divide(new BigDecimal(2).pow(256 + 24)));
                float want = exact.floatValue();
                if (bits < 0) {
                    want = -want;
                }
                assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(Samples.ibmToFloat(bits)),
                        "IBM bits " + Integer.toHexString(bits));
            }
        }
    }
}
