package org.geoassure.ingest.segy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One 240-byte trace header, copied out of the file. Named accessors read the SEG-Y rev 1 standard positions;
 * {@link #int16(int)} and {@link #int32(int)} read any other field by its 1-based byte position. Coordinates and
 * times are also given with their scalars applied: a positive scalar multiplies, a negative one divides by its
 * absolute value, 0 means 1.
 */
public final class TraceHeader {
    /** Bytes in a standard trace header. */
    public static final int SIZE = 240;

    private final int index;
    private final long byteOffset;
    private final byte[] bytes;
    private final ByteOrder order;
    private final int inlineByte;
    private final int crosslineByte;

    /**
     * @param index 0-based trace index in the file
     * @param byteOffset 0-based file offset of the header
     * @param bytes the 240 header bytes (copied)
     * @param order byte order of the file
     * @param options where the inline and crossline numbers are
     */
    public TraceHeader(int index, long byteOffset, byte[] bytes, ByteOrder order, SegyOptions options) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a trace header has " + SIZE + " bytes, not " + bytes.length);
        }
        this.index = index;
        this.byteOffset = byteOffset;
        this.bytes = bytes.clone();
        this.order = order;
        this.inlineByte = options.inlineByte();
        this.crosslineByte = options.crosslineByte();
    }

    /** 0-based index of the trace in the file. */
    public int index() {
        return index;
    }

    /** 0-based file offset of this header. */
    public long byteOffset() {
        return byteOffset;
    }

    /** The 240 bytes as stored (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The signed 2-byte field at 1-based byte position {@code position} (1..239). */
    public int int16(int position) {
        check(position, 2);
        return ByteBuffer.wrap(bytes).order(order).getShort(position - 1);
    }

    /** The signed 4-byte field at 1-based byte position {@code position} (1..237). */
    public int int32(int position) {
        check(position, 4);
        return ByteBuffer.wrap(bytes).order(order).getInt(position - 1);
    }

    private static void check(int position, int size) {
        if (position < 1 || position + size - 1 > SIZE) {
            throw new IndexOutOfBoundsException("trace header byte position " + position + " (size " + size + ")");
        }
    }

    /** Bytes 1-4: trace sequence number within line. */
    public int traceSequenceLine() {
        return int32(1);
    }

    /** Bytes 5-8: trace sequence number within file. */
    public int traceSequenceFile() {
        return int32(5);
    }

    /** Bytes 9-12: original field record number. */
    public int fieldRecord() {
        return int32(9);
    }

    /** Bytes 13-16: trace number within the original field record. */
    public int traceNumber() {
        return int32(13);
    }

    /** Bytes 21-24: ensemble (CDP) number. */
    public int cdp() {
        return int32(21);
    }

    /** Bytes 29-30: trace identification code. */
    public int traceIdentificationCode() {
        return int16(29);
    }

    /** Bytes 37-40: distance from source point to receiver group. */
    public int offset() {
        return int32(37);
    }

    /** Bytes 71-72: scalar for the coordinates (bytes 73-88 and 181-188). */
    public int coordinateScalar() {
        return int16(71);
    }

    /** Bytes 73-76 with the coordinate scalar applied. */
    public double sourceX() {
        return scaled(int32(73), coordinateScalar());
    }

    /** Bytes 77-80 with the coordinate scalar applied. */
    public double sourceY() {
        return scaled(int32(77), coordinateScalar());
    }

    /** Bytes 81-84 with the coordinate scalar applied. */
    public double groupX() {
        return scaled(int32(81), coordinateScalar());
    }

    /** Bytes 85-88 with the coordinate scalar applied. */
    public double groupY() {
        return scaled(int32(85), coordinateScalar());
    }

    /** Bytes 89-90: coordinate units (1 length, 2 arc seconds, 3 decimal degrees, 4 DMS). */
    public int coordinateUnits() {
        return int16(89);
    }

    /** Bytes 109-110: delay recording time as stored, in ms before the time scalar. */
    public int delayRecordingTimeRaw() {
        return int16(109);
    }

    /** Bytes 215-216: scalar for the times in bytes 95-114. */
    public int timeScalar() {
        return int16(215);
    }

    /** Delay recording time (bytes 109-110), ms, time scalar (bytes 215-216) applied: the time of sample 0. */
    public double delayRecordingTime() {
        return scaled(delayRecordingTimeRaw(), timeScalar());
    }

    /** Bytes 115-116, unsigned: number of samples as this header states it. */
    public int sampleCount() {
        return int16(115) & 0xFFFF;
    }

    /** Bytes 117-118, unsigned: sample interval as this header states it. */
    public int sampleInterval() {
        return int16(117) & 0xFFFF;
    }

    /** Bytes 181-184 as stored. */
    public int cdpXRaw() {
        return int32(181);
    }

    /** Bytes 185-188 as stored. */
    public int cdpYRaw() {
        return int32(185);
    }

    /** Bytes 181-184 with the coordinate scalar applied. */
    public double cdpX() {
        return scaled(cdpXRaw(), coordinateScalar());
    }

    /** Bytes 185-188 with the coordinate scalar applied. */
    public double cdpY() {
        return scaled(cdpYRaw(), coordinateScalar());
    }

    /** The inline number, at {@link SegyOptions#inlineByte()} (default 189-192). */
    public int inline() {
        return int32(inlineByte);
    }

    /** The crossline number, at {@link SegyOptions#crosslineByte()} (default 193-196). */
    public int crossline() {
        return int32(crosslineByte);
    }

    /** SEG-Y scalar rule: positive multiplies, negative divides by its absolute value, 0 is 1. */
    public static double scaled(int value, int scalar) {
        if (scalar > 0) {
            return (double) value * scalar;
        }
        if (scalar < 0) {
            return value / (double) -scalar;
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceHeader t && t.index == index && t.byteOffset == byteOffset && t.order == order
                && t.inlineByte == inlineByte && t.crosslineByte == crosslineByte && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + index;
    }

    @Override
    public String toString() {
        return "TraceHeader[" + index + " at byte " + byteOffset + ", inline " + inline() + ", crossline "
                + crossline() + ", offset " + offset() + "]";
    }
}
