package org.geoassure.ingest.segy;

import org.geoassure.geodb.InvalidContentException;

/**
 * How to open a SEG-Y file.
 *
 * @param inlineByte 1-based trace-header byte position of the 4-byte inline number (SEG-Y rev 1: 189)
 * @param crosslineByte 1-based trace-header byte position of the 4-byte crossline number (SEG-Y rev 1: 193)
 * @param byteOrder {@link ByteOrderChoice#DETECT} (the default) or a forced byte order
 */
public record SegyOptions(int inlineByte, int crosslineByte, ByteOrderChoice byteOrder) {
    /** Byte order of the file's binary header, trace headers and samples. */
    public enum ByteOrderChoice {
        /** Detected as described in {@link SegyReader}. */
        DETECT,
        BIG_ENDIAN,
        LITTLE_ENDIAN
    }

    private static final SegyOptions DEFAULTS = new SegyOptions(189, 193, ByteOrderChoice.DETECT);

    /**
     * @throws InvalidContentException when a byte position is outside 1..237 or the byte order is missing
     */
    public SegyOptions {
        checkPosition("inline", inlineByte);
        checkPosition("crossline", crosslineByte);
        if (byteOrder == null) {
            throw new InvalidContentException("SEG-Y byte order: missing (use DETECT)");
        }
    }

    private static void checkPosition(String what, int position) {
        if (position < 1 || position > TraceHeader.SIZE - 3) {
            throw new InvalidContentException("SEG-Y " + what + " byte position " + position
                    + ": must be in 1.." + (TraceHeader.SIZE - 3));
        }
    }

    /** Inline at 189, crossline at 193, byte order detected. */
    public static SegyOptions defaults() {
        return DEFAULTS;
    }

    /** These options with the inline and crossline numbers read at other 1-based trace-header positions. */
    public SegyOptions withLineBytes(int inline, int crossline) {
        return new SegyOptions(inline, crossline, byteOrder);
    }

    /** These options with the byte order forced (or {@link ByteOrderChoice#DETECT}). */
    public SegyOptions withByteOrder(ByteOrderChoice order) {
        return new SegyOptions(inlineByte, crosslineByte, order);
    }
}
