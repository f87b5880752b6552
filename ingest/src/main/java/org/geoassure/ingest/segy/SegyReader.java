package org.geoassure.ingest.segy;

import java.nio.file.Path;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.ingest.segy.internal.SegyFileImpl;

/**
 * Opens SEG-Y files (revisions 0, 1 and 2) for streaming reads.
 *
 * <h2>What is read</h2>
 * <ul>
 * <li>Textual header and extended textual headers (a count, or -1: up to the {@code ((SEG: EndText))} stanza),
 *     each decoded as EBCDIC (code page 037) or ASCII, detected per header: the first byte decides when it is a
 *     'C' in either code (0xC3 / 0x43), otherwise EBCDIC when more bytes are at or above 0x80 than are ASCII
 *     printing characters (0x40, the EBCDIC blank, not counted).
 * <li>Samples of formats 1 (IBM float), 2 (int32), 3 (int16), 5 (IEEE float), 6 (IEEE double), 7 (int24),
 *     8 (int8), 9 (int64), 10 (uint32), 11 (uint16), 12 (uint64), 15 (uint24) and 16 (uint8), as {@code float}
 *     values as stored (no scaling). Format 4 is refused as unsupported.
 * <li>Revision: byte 3501 is the major and 3502 the minor revision; a file whose byte 3501 is 0 and 3502 is 1..3
 *     (the revision written as a 16-bit integer, as some writers do) is taken as that major revision. Other values
 *     mean rev 0. Rev 2 fields are used only when the revision is 2 or more: extended samples per trace and
 *     sample interval (when the standard fields are 0), the byte offset of the first trace, additional 240-byte
 *     trace headers (skipped; a value written as a 16-bit field is accepted), data trailers (refused).
 * </ul>
 *
 * <h2>Byte order</h2>
 * Big-endian unless detected otherwise, in this order: the rev 2 byte-order field (bytes 3297-3300) reads
 * 0x01020304 (big-endian) or 0x04030201 (little-endian); else the format code (bytes 3225-3226) is a SEG-Y code
 * when read big-endian (big-endian) or only when read little-endian (little-endian); else the file is refused.
 * {@link SegyOptions#withByteOrder} forces an order. Textual headers have no byte order.
 *
 * <h2>Traces</h2>
 * Every trace has the same length: a 240-byte header (plus any rev 2 extensions) and {@code samplesPerTrace}
 * samples (binary header, else the rev 2 extended field, else the first trace header). The trace count is the
 * length after the headers divided by the trace length; a file whose length does not divide is refused with the
 * byte offset where the incomplete trace starts (a truncated file, or variable-length traces, which are not
 * read). Every length and count read from the file is checked against the file's size before anything is
 * allocated.
 *
 * <h2>Geometry</h2>
 * {@link SegyFile#geometry()} reads inline, crossline (at the {@link SegyOptions} positions) and offset (bytes
 * 37-40) of every trace. The first gather is the run of traces sharing the first trace's inline and crossline; its
 * offsets, which must differ from each other, are the offsets of every gather. The next trace decides the sorting
 * (crossline changed: inline sorting; inline changed: crossline sorting). The file is a
 * {@link SurveyGeometry.Kind#POST_STACK_3D} (one offset) or {@link SurveyGeometry.Kind#PRE_STACK_3D} (several)
 * grid when every trace then has exactly the inline, crossline and offset that a complete grid with ascending,
 * evenly stepped line numbers predicts; otherwise it is {@link SurveyGeometry.Kind#UNSTRUCTURED} (shot records,
 * descending or missing line numbers). Pre-stack files are read as gathers: {@link SurveyGeometry#traceIndex}
 * gives the trace of a node and offset. The grid's origin, azimuths, bin sizes and corners are a least-squares fit
 * to the nodes' CDP X/Y (bytes 181-188, coordinate scalar of bytes 71-72 applied), which handles rotated surveys
 * and reports the largest misfit.
 *
 * <h2>Not read</h2>
 * Seismic Unix (SU) files (traces without textual and binary headers) are recognised and refused with
 * {@link org.geoassure.geodb.UnsupportedFormatException} naming SU; so are format 4, rev 2 trailers and traces of
 * more than 2 GiB.
 */
public final class SegyReader {
    private SegyReader() {
    }

    /** Opens {@code path} with {@link SegyOptions#defaults()}. */
    public static SegyFile open(Path path) throws InvalidContentException, StorageException {
        return open(path, SegyOptions.defaults());
    }

    /**
     * Opens {@code path}, reading and checking its headers; traces are read on demand.
     *
     * @throws org.geoassure.geodb.UnsupportedFormatException a kind of file that is not read (SU, format 4 ...)
     * @throws InvalidContentException a damaged or impossible header, or a length that is not a whole number of
     *     traces; the message names the file and the 0-based byte offset
     * @throws StorageException the file cannot be read
     */
    public static SegyFile open(Path path, SegyOptions options) throws InvalidContentException, StorageException {
        return SegyFileImpl.open(path, path.toString(), options);
    }
}
