package org.geoassure.ingest.segy;

import java.util.Optional;

/** SEG-Y data sample formats (binary header bytes 3225-3226) that {@link SegyReader} decodes to {@code float}. */
public enum SampleFormat {
    /** 1: 4-byte IBM hexadecimal floating point; out-of-float-range values become infinities or zeros. */
    IBM_FLOAT(1, 4),
    /** 2: 4-byte two's complement integer (rounded to the nearest float beyond 2^24). */
    INT32(2, 4),
    /** 3: 2-byte two's complement integer. */
    INT16(3, 2),
    /** 5: 4-byte IEEE floating point. */
    IEEE_FLOAT(5, 4),
    /** 6: 8-byte IEEE floating point (rounded to float). */
    IEEE_DOUBLE(6, 8),
    /** 7: 3-byte two's complement integer. */
    INT24(7, 3),
    /** 8: 1-byte two's complement integer. */
    INT8(8, 1),
    /** 9: 8-byte two's complement integer (rounded to float). */
    INT64(9, 8),
    /** 10: 4-byte unsigned integer. */
    UINT32(10, 4),
    /** 11: 2-byte unsigned integer. */
    UINT16(11, 2),
    /** 12: 8-byte unsigned integer (rounded to float). */
    UINT64(12, 8),
    /** 15: 3-byte unsigned integer. */
    UINT24(15, 3),
    /** 16: 1-byte unsigned integer. */
    UINT8(16, 1);

    private final int code;
    private final int bytes;

    SampleFormat(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The binary-header format code. */
    public int code() {
        return code;
    }

    /** Bytes per sample. */
    public int bytesPerSample() {
        return bytes;
    }

    /** The format with this binary-header code, if it is one this reader decodes (4, fixed point with gain, is not). */
    public static Optional<SampleFormat> ofCode(int code) {
        for (SampleFormat f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
