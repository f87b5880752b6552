package org.geoassure.ingest.segy.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.StorageException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.geoassure.ingest.segy.BinaryHeader;
import org.geoassure.ingest.segy.SampleFormat;
import org.geoassure.ingest.segy.SegyFile;
import org.geoassure.ingest.segy.SegyOptions;
import org.geoassure.ingest.segy.SurveyGeometry;
import org.geoassure.ingest.segy.TextualHeader;
import org.geoassure.ingest.segy.TraceHeader;

/** The {@link SegyFile} implementation: everything is checked against the file length before it is allocated. */
public final class SegyFileImpl implements SegyFile {
    static final int TEXT = 3200;
    static final int HEAD = 3600;
    /** Target size of one read in {@link #readTraces}: 256 KiB stays in cache between the copy and the decode. */
    private static final int CHUNK = 1 << 18;
    private static final Charset EBCDIC = Charset.forName("IBM037");
    private static final String END_TEXT = "((SEG: ENDTEXT))";

    private final String source;
    private final FileChannel channel;
    private final SegyOptions options;
    private final ByteOrder order;
    private final BinaryHeader binary;
    private final TextualHeader textual;
    private final List<TextualHeader> extended;
    private final SampleFormat format;
    private final double revision;
    private final int samples;
    private final double interval;
    private final int headerBytes;
    private final int traceLength;
    private final long dataStart;
    private final int traceCount;
    private ByteBuffer buffer;
    private Optional<ByteBuffer> mapping;
    private SurveyGeometry geometry;

    private SegyFileImpl(String source, FileChannel channel, SegyOptions options) throws IOException {
        this.source = source;
        this.channel = channel;
        this.options = options;
        long size = channel.size();
        if (size < HEAD) {
            checkSu(size, null);
            throw bad(size, "the file has " + size + " bytes; SEG-Y starts with a 3200-byte textual header and a "
                    + "400-byte binary header");
        }
        ByteBuffer head = ByteBuffer.allocate(HEAD);
        readFully(head, 0);
        byte[] h = head.array();
        order = byteOrder(h, size);
        head.order(order);
        int formatCode = head.getShort(3224);
        if (formatCode == 4) {
            throw new UnsupportedFormatException(source, "byte offset 3224: data sample format 4 (fixed point with "
                    + "gain, obsolete) is not read");
        }
        format = SampleFormat.ofCode(formatCode).orElseThrow(() -> bad(3224, "data sample format code "
                + formatCode + " is not one of 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16"));
        int b1 = h[3500] & 0xFF;
        int b2 = h[3501] & 0xFF;
        int major = b1 >= 1 && b1 <= 3 ? b1 : b1 == 0 && b2 >= 1 && b2 <= 3 ? b2 : 0;
        int minor = b1 >= 1 && b1 <= 3 && b2 <= 9 ? b2 : 0;
        revision = major + minor / 10.0;
        int additional = 0;
        if (major >= 2) {
            additional = head.getInt(3506);
            if (additional > 0xFFFF && (additional & 0xFFFF) == 0) {
                additional >>>= 16; // written as a 16-bit field (SEG-Y 2.0 drafts, segyio)
            }
            if (additional < 0 || additional > (size - HEAD) / TraceHeader.SIZE) {
                throw bad(3506, "number of additional trace headers " + additional + " is negative or more than "
                        + "the file can hold");
            }
            int trailers = head.getInt(3528);
            if (trailers != 0) {
                throw new UnsupportedFormatException(source, "byte offset 3528: " + trailers + " SEG-Y rev 2 data "
                        + "trailer stanzas; files with trailers are not read");
            }
        }
        int nExt = head.getShort(3504);
        binary = new BinaryHeader(head.getInt(3200), head.getInt(3204), head.getInt(3208), head.getShort(3212),
                head.getShort(3216) & 0xFFFF, head.getShort(3220) & 0xFFFF, formatCode, head.getShort(3226),
                head.getShort(3228), head.getShort(3254), major, minor, head.getShort(3502) == 1, nExt, additional,
                ByteBuffer.wrap(h).order(ByteOrder.BIG_ENDIAN).getInt(3296),
                major >= 2 ? head.getInt(3268) & 0xFFFF_FFFFL : 0, major >= 2 ? head.getDouble(3272) : 0);
        textual = decodeText(h, 0, 0);
        extended = readExtendedTextualHeaders(nExt, size);
        long start = HEAD + (long) extended.size() * TEXT;
        if (major >= 2) {
            long first = head.getLong(3520);
            if (first != 0) {
                if (first < start || first > size) {
                    throw bad(3520, "byte offset of the first trace " + first + " is not between the end of the "
                            + "headers (" + start + ") and the end of the file (" + size + ")");
                }
                start = first;
            }
        }
        dataStart = start;
        headerBytes = TraceHeader.SIZE * (1 + additional);
        long remaining = size - dataStart;
        long ns = binary.samplesPerTrace();
        if (ns == 0 && major >= 2) {
            ns = binary.extendedSamplesPerTrace();
        }
        ByteBuffer first = null;
        if (remaining >= TraceHeader.SIZE) {
            first = ByteBuffer.allocate(TraceHeader.SIZE).order(order);
            readFully(first, dataStart);
        }
        if (ns == 0 && first != null) {
            ns = first.getShort(114) & 0xFFFF;
        }
        double dt = binary.sampleInterval();
        if (dt == 0 && major >= 2 && Double.isFinite(binary.extendedSampleInterval())) {
            dt = binary.extendedSampleInterval();
        }
        if (dt == 0 && first != null) {
            dt = first.getShort(116) & 0xFFFF;
        }
        interval = dt;
        if (remaining == 0) {
            traceLength = (int) Math.min(Integer.MAX_VALUE, headerBytes + ns * format.bytesPerSample());
            traceCount = 0;
            samples = (int) Math.min(Integer.MAX_VALUE, ns);
            return;
        }
        if (ns == 0) {
            throw bad(3220, "samples per trace is 0 in the binary header and in the first trace header");
        }
        long length = headerBytes + ns * format.bytesPerSample();
        if (length > remaining) {
            throw bad(3220, ns + " samples per trace of " + format.bytesPerSample() + " bytes make " + length
                    + "-byte traces, longer than the " + remaining + " bytes after the headers (from byte offset "
                    + dataStart + "): a truncated file or a wrong sample count");
        }
        if (length > Integer.MAX_VALUE - 1024) {
            throw new UnsupportedFormatException(source, "byte offset 3220: traces of " + length
                    + " bytes are not read (at most 2 GiB each)");
        }
        if (remaining % length != 0) {
            long whole = remaining / length;
            String headerNs = first == null ? "" : "; the first trace header says " + (first.getShort(114) & 0xFFFF)
                    + " samples";
            throw bad(dataStart + whole * length, "the file ends inside trace " + (whole + 1) + ": the " + remaining
                    + " bytes after the headers are not a whole number of " + length + "-byte traces (" + headerBytes
                    + "-byte header + " + ns + " samples x " + format.bytesPerSample() + " bytes" + headerNs
                    + "); the file is truncated, or its traces differ in length, which is not read");
        }
        if (remaining / length > Integer.MAX_VALUE) {
            throw new UnsupportedFormatException(source, "more than 2^31 - 1 traces are not read");
        }
        traceLength = (int) length;
        traceCount = (int) (remaining / length);
        samples = (int) ns;
    }

    /**
     * Opens and checks a SEG-Y file; the channel is closed when this fails.
     *
     * @param path the file
     * @param source the name used in messages
     */
    public static SegyFile open(Path path, String source, SegyOptions options)
            throws InvalidContentException, StorageException {
        Objects.requireNonNull(options, "options");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new InvalidContentException(source, -1, "no such file");
        } catch (IOException e) {
            throw new StorageException(source + ": cannot open: " + e.getMessage(), e);
        }
        try {
            return new SegyFileImpl(source, channel, options);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the open failure is what matters
        }
    }

    private ByteOrder byteOrder(byte[] h, long size) throws IOException {
        switch (options.byteOrder()) {
            case BIG_ENDIAN:
                return ByteOrder.BIG_ENDIAN;
            case LITTLE_ENDIAN:
                return ByteOrder.LITTLE_ENDIAN;
            default:
                break;
        }
        int marker = ByteBuffer.wrap(h).order(ByteOrder.BIG_ENDIAN).getInt(3296);
        if (marker == 0x01020304) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (marker == 0x04030201) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        int big = ByteBuffer.wrap(h).order(ByteOrder.BIG_ENDIAN).getShort(3224);
        int little = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getShort(3224);
        if (big == 4 || SampleFormat.ofCode(big).isPresent()) {
            return ByteOrder.BIG_ENDIAN;
        }
        if (little == 4 || SampleFormat.ofCode(little).isPresent()) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        checkSu(size, h);
        throw bad(3224, "data sample format code " + big + " (read big-endian; " + little + " little-endian) is not "
                + "a SEG-Y format code: not a SEG-Y file, or a damaged binary header");
    }

    /**
     * Throws {@link UnsupportedFormatException} when the file looks like Seismic Unix: a 240-byte trace header at
     * byte 0 whose sample count (bytes 115-116, either byte order) divides the file into whole 4-byte-sample traces.
     */
    private void checkSu(long size, byte[] h) throws IOException {
        if (size < TraceHeader.SIZE) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(TraceHeader.SIZE);
        if (h != null) {
            b.put(h, 0, TraceHeader.SIZE).flip();
        } else {
            readFully(b, 0);
        }
        for (ByteOrder o : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            int ns = b.order(o).getShort(114) & 0xFFFF;
            long len = TraceHeader.SIZE + 4L * ns;
            if (ns > 0 && size % len == 0) {
                throw new UnsupportedFormatException(source, "looks like Seismic Unix (SU): no textual or binary "
                        + "header, " + (size / len) + " traces of " + ns + " samples; SU files are not read (convert "
                        + "with SU's segyhdrs and segywrite)");
            }
        }
    }

    private List<TextualHeader> readExtendedTextualHeaders(int n, long size) throws IOException {
        if (n < -1) {
            throw bad(3504, "number of extended textual headers " + n + " is negative");
        }
        if (n >= 0 && HEAD + (long) n * TEXT > size) {
            throw bad(3504, n + " extended textual headers of 3200 bytes do not fit in the " + size + "-byte file");
        }
        List<TextualHeader> list = new ArrayList<>();
        ByteBuffer b = ByteBuffer.allocate(TEXT);
        long pos = HEAD;
        while (n < 0 ? pos + TEXT <= size : list.size() < n) {
            b.clear();
            readFully(b, pos);
            TextualHeader t = decodeText(b.array(), 0, pos);
            list.add(t);
            pos += TEXT;
            if (n < 0 && t.text().toUpperCase(Locale.ROOT).contains(END_TEXT)) {
                return List.copyOf(list);
            }
        }
        if (n < 0) {
            throw bad(3504, "a variable number of extended textual headers (-1) without an ((SEG: EndText)) "
                    + "stanza before the end of the file");
        }
        return List.copyOf(list);
    }

    /**
     * EBCDIC or ASCII: 'C' of the first card image decides (0xC3 EBCDIC, 0x43 ASCII); otherwise EBCDIC when
     * more bytes are at or above 0x80 (EBCDIC letters and digits) than in 0x21..0x7E other than 0x40 (ASCII
     * printing characters; 0x40 is the EBCDIC space).
     */
    static TextualHeader decodeText(byte[] b, int off, long fileOffset) {
        boolean ebcdic;
        int c = b[off] & 0xFF;
        if (c == 0xC3 || c == 0x43) {
            ebcdic = c == 0xC3;
        } else {
            int high = 0;
            int ascii = 0;
            for (int i = 0; i < TEXT; i++) {
                int v = b[off + i] & 0xFF;
                if (v >= 0x80) {
                    high++;
                } else if (v > 0x20 && v < 0x7F && v != 0x40) {
                    ascii++;
                }
            }
            ebcdic = high > ascii;
        }
        String text = new String(b, off, TEXT, ebcdic ? EBCDIC : StandardCharsets.ISO_8859_1);
        return new TextualHeader(text, ebcdic ? TextualHeader.Encoding.EBCDIC : TextualHeader.Encoding.ASCII,
                fileOffset);
    }

    private InvalidContentException bad(long offset, String reason) {
        return new InvalidContentException(source, -1, "byte offset " + offset + ": " + reason);
    }

    private void readFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int r = channel.read(b, p);
            if (r < 0) {
                throw bad(p, "unexpected end of file (was the file shortened while being read?)");
            }
            p += r;
        }
        b.flip();
    }

    private void read(ByteBuffer b, long position) throws StorageException {
        try {
            readFully(b, position);
        } catch (IOException e) {
            throw new StorageException(source + ": byte offset " + position + ": " + e.getMessage(), e);
        }
    }

    private void checkTrace(int trace) {
        if (trace < 0 || trace >= traceCount) {
            throw new IndexOutOfBoundsException("trace " + trace + " of " + traceCount);
        }
    }

    /**
     * The whole file mapped read-only, for files under 2 GiB (one mapping, positions as ints); null for larger files,
     * which are read in chunks, or when the mapping fails (then the chunked reads report any I/O error).
     */
    private ByteBuffer mapped() {
        if (mapping == null) {
            try {
                long size = channel.size();
                mapping = size < Integer.MAX_VALUE ? Optional.of(channel.map(FileChannel.MapMode.READ_ONLY, 0, size)
                        .order(order)) : Optional.empty();
            } catch (IOException | UnsupportedOperationException e) {
                mapping = Optional.empty();
            }
        }
        return mapping.orElse(null);
    }

    private ByteBuffer buffer(int bytes) {
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, Math.min(CHUNK, traceLength))).order(order);
        }
        buffer.clear().limit(bytes);
        return buffer;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public TextualHeader textualHeader() {
        return textual;
    }

    @Override
    public List<TextualHeader> extendedTextualHeaders() {
        return extended;
    }

    @Override
    public BinaryHeader binaryHeader() {
        return binary;
    }

    @Override
    public ByteOrder byteOrder() {
        return order;
    }

    @Override
    public double revision() {
        return revision;
    }

    @Override
    public SampleFormat sampleFormat() {
        return format;
    }

    @Override
    public int samplesPerTrace() {
        return samples;
    }

    @Override
    public double sampleInterval() {
        return interval;
    }

    @Override
    public int traceLength() {
        return traceLength;
    }

    @Override
    public int traceCount() {
        return traceCount;
    }

    @Override
    public long traceByteOffset(int trace) {
        checkTrace(trace);
        return dataStart + (long) trace * traceLength;
    }

    @Override
    public TraceHeader traceHeader(int trace) throws StorageException {
        long pos = traceByteOffset(trace);
        ByteBuffer b = ByteBuffer.allocate(TraceHeader.SIZE);
        read(b, pos);
        return new TraceHeader(trace, pos, b.array(), order, options);
    }

    @Override
    public void readSamples(int trace, float[] dst, int dstOffset) throws StorageException {
        long pos = traceByteOffset(trace);
        Objects.checkFromIndexSize(dstOffset, samples, dst.length);
        ByteBuffer b = buffer(traceLength - headerBytes);
        read(b, pos + headerBytes);
        Samples.decode(format, b, 0, dst, dstOffset, samples);
    }

    @Override
    public void readTraces(int firstTrace, int count, float[] dst, int dstOffset) throws StorageException {
        Objects.checkFromIndexSize(firstTrace, count, traceCount);
        Objects.checkFromIndexSize(dstOffset, (long) count * samples > Integer.MAX_VALUE ? Integer.MAX_VALUE
                : count * samples, dst.length);
        ByteBuffer mapped = mapped();
        if (mapped != null) {
            // decoded straight from the page cache, as segyio's mmap mode does: no copy into a buffer first
            for (int t = 0; t < count; t++) {
                long pos = dataStart + (long) (firstTrace + t) * traceLength + headerBytes;
                Samples.decode(format, mapped, (int) pos, dst, dstOffset + t * samples, samples);
            }
            return;
        }
        int perRead = Math.max(1, CHUNK / traceLength);
        int done = 0;
        while (done < count) {
            int k = Math.min(perRead, count - done);
            ByteBuffer b = buffer(k * traceLength);
            read(b, dataStart + (long) (firstTrace + done) * traceLength);
            for (int t = 0; t < k; t++) {
                Samples.decode(format, b, t * traceLength + headerBytes, dst, dstOffset + (done + t) * samples,
                        samples);
            }
            done += k;
        }
    }

    @Override
    public SurveyGeometry geometry() throws StorageException {
        if (geometry == null) {
            geometry = GeometryScan.scan(this);
        }
        return geometry;
    }

    @Override
    public void close() throws StorageException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageException(source + ": close: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SegyFile[" + source + ", rev " + revision + ", " + format + " " + order + ", " + traceCount
                + " traces x " + samples + " samples]";
    }
}
