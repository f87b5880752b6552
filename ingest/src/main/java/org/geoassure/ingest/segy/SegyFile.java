package org.geoassure.ingest.segy;

import java.nio.ByteOrder;
import java.util.List;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;

/**
 * An open SEG-Y file: headers decoded at open, traces read on demand through one {@link java.nio.channels.FileChannel}
 * (nothing but the headers is held in memory; {@code readTraces} decodes from a read-only mapping of files under
 * 2 GiB, read in 256 KiB chunks otherwise). The file must not be truncated while it is open. Not thread-safe: use one
 * instance per thread. Close it to release the file.
 *
 * <p>Errors while reading say where: {@link InvalidContentException} with the file name as given and the 0-based
 * byte offset of the bad field; {@link StorageException} for I/O failures.
 */
public interface SegyFile extends AutoCloseable {
    /** The file name as given to {@link SegyReader#open}. */
    String source();

    /** The 3200-byte textual header (file bytes 1-3200). */
    TextualHeader textualHeader();

    /** The extended textual headers that follow the binary header, in file order (often none). */
    List<TextualHeader> extendedTextualHeaders();

    /** The binary header as stored. */
    BinaryHeader binaryHeader();

    /** Byte order of the binary header, trace headers and samples (detected or forced). */
    ByteOrder byteOrder();

    /** SEG-Y revision as {@code major + minor / 10.0} (0, 1, 2, 2.1 ...). */
    double revision();

    /** The sample format. */
    SampleFormat sampleFormat();

    /**
     * Samples in every trace: binary header 3221-3222, or the rev 2 extended field 3269-3272 when that is 0, or the
     * first trace header's 115-116 when both are 0.
     */
    int samplesPerTrace();

    /** Sample interval (µs for time data): binary header 3217-3218, the rev 2 extended field, or the first trace's. */
    double sampleInterval();

    /** Bytes from the start of one trace header to the next (240 per header and extension, plus the samples). */
    int traceLength();

    /** Number of traces, from the file length (checked to be a whole number of traces). */
    int traceCount();

    /** 0-based file offset of trace {@code trace}'s header. */
    long traceByteOffset(int trace);

    /**
     * Reads trace {@code trace}'s standard header.
     *
     * @throws IndexOutOfBoundsException when {@code trace} is not in {@code 0 .. traceCount() - 1}
     */
    TraceHeader traceHeader(int trace) throws InvalidContentException, StorageException;

    /** Reads trace {@code trace}'s {@link #samplesPerTrace()} samples into {@code dst} from {@code dstOffset}. */
    void readSamples(int trace, float[] dst, int dstOffset) throws InvalidContentException, StorageException;

    /**
     * Reads the samples of {@code count} consecutive traces from {@code firstTrace} into {@code dst} from
     * {@code dstOffset}, trace after trace ({@code count * samplesPerTrace()} values), in large reads.
     */
    void readTraces(int firstTrace, int count, float[] dst, int dstOffset)
            throws InvalidContentException, StorageException;

    /**
     * The trace layout. Scans every trace header on the first call (one 240-byte read per trace), then cached.
     */
    SurveyGeometry geometry() throws InvalidContentException, StorageException;

    @Override
    void close() throws StorageException;
}
