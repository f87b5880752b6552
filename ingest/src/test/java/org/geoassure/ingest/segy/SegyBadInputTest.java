package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.geoassure.geodb.InvalidContentException;
import org.geoassure.geodb.UnsupportedFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that must be refused, each with the file name and the byte offset of the bad field in the message. */
class SegyBadInputTest {
    @TempDir
    Path dir;

    private static InvalidContentException refused(Path p) {
        return assertThrows(InvalidContentException.class, () -> {
            try (SegyFile f = SegyReader.open(p)) {
                f.geometry();
            }
        });
    }

    /** A copy of small.sgy with its big-endian header bytes changed. */
    private Path patched(String name, Consumer<ByteBuffer> change) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(SegyTestFiles.file(name)));
        change.accept(b);
        Path p = dir.resolve("patched-" + name);
        Files.write(p, b.array());
        return p;
    }

    /** segyio test_open_broken (broken.sgy): 2 extended headers claimed, then 836 bytes: 3 traces and a piece. */
    @Test
    void brokenFile() {
        InvalidContentException e = refused(SegyTestFiles.file("segyio_broken.sgy"));
        assertEquals(SegyTestFiles.file("segyio_broken.sgy") + ": byte offset 10768: the file ends inside trace 4: "
                + "the 836 bytes after the headers are not a whole number of 256-byte traces (240-byte header + 4 "
                + "samples x 4 bytes; the first trace header says 0 samples); the file is truncated, or its traces "
                + "differ in length, which is not read", e.getMessage());
    }

    @Test
    void seismicUnixIsRefusedByName() {
        InvalidContentException e = refused(SegyTestFiles.file("segyio_small.su"));
        assertTrue(e instanceof UnsupportedFormatException, e.toString());
        assertTrue(e.getMessage().contains("Seismic Unix (SU)") && e.getMessage().contains("25 traces of 50"),
                e.getMessage());
    }

    @Test
    void truncatedTrace() throws Exception {
        byte[] all = Files.readAllBytes(SegyTestFiles.file("segyio_f3.sgy"));
        Path p = dir.resolve("cut.sgy");
        Files.write(p, java.util.Arrays.copyOf(all, all.length - 7));
        assertTrue(refused(p).getMessage().contains("byte offset " + (3600 + 413 * 390) + ": the file ends inside "
                + "trace 414"));
    }

    @Test
    void shorterThanTheHeaders() throws Exception {
        Path p = dir.resolve("short.sgy");
        Files.write(p, new byte[1000]);
        assertTrue(refused(p).getMessage().endsWith("byte offset 1000: the file has 1000 bytes; SEG-Y starts with a "
                + "3200-byte textual header and a 400-byte binary header"));
    }

    @Test
    void unknownFormatCode() throws Exception {
        Path p = patched("segyio_small.sgy", b -> b.putShort(3224, (short) 0x3333));
        assertTrue(refused(p).getMessage().contains("byte offset 3224: data sample format code 13107"));
    }

    @Test
    void format4IsUnsupported() throws Exception {
        Path p = patched("segyio_small.sgy", b -> b.putShort(3224, (short) 4));
        assertTrue(refused(p) instanceof UnsupportedFormatException);
    }

    @Test
    void zeroSamples() throws Exception {
        Path p = patched("segyio_small.sgy", b -> {
            b.putShort(3220, (short) 0);
            b.putShort(3600 + 114, (short) 0);
        });
        assertTrue(refused(p).getMessage().contains("byte offset 3220: samples per trace is 0"));
    }

    /** 65535 samples of 4 bytes claimed in a 14600-byte file: refused before any buffer is allocated. */
    @Test
    void hugeSampleCountDoesNotAllocate() throws Exception {
        Path p = patched("segyio_small.sgy", b -> b.putShort(3220, (short) -1));
        long bytes = allocatedBy(() -> refused(p));
        assertTrue(refused(p).getMessage().contains("byte offset 3220: 65535 samples per trace of 4 bytes make "
                + "262380-byte traces, longer than the 11000 bytes after the headers"));
        assertTrue(bytes < 2_000_000, bytes + " bytes allocated");
    }

    @Test
    void hugeExtendedHeaderCountDoesNotAllocate() throws Exception {
        Path p = patched("segyio_small.sgy", b -> b.putShort(3504, (short) 32000));
        long bytes = allocatedBy(() -> refused(p));
        assertTrue(refused(p).getMessage().contains("byte offset 3504: 32000 extended textual headers of 3200 bytes "
                + "do not fit in the 14600-byte file"));
        assertTrue(bytes < 2_000_000, bytes + " bytes allocated");
    }

    @Test
    void rev2HugeExtendedSampleCountAndTraceHeaders() throws Exception {
        Path ns = patched("segyio_rotated-small-rev2.sgy", b -> {
            b.putShort(3220, (short) 0);
            b.putInt(3268, Integer.MAX_VALUE);
        });
        assertTrue(refused(ns).getMessage().contains("byte offset 3220: 2147483647 samples per trace"));
        Path extra = patched("segyio_rotated-small-rev2.sgy", b -> b.putInt(3506, 1_000_000));
        assertTrue(refused(extra).getMessage().contains("byte offset 3506: number of additional trace headers"));
        Path first = patched("segyio_rotated-small-rev2.sgy", b -> b.putLong(3520, 1L << 40));
        assertTrue(refused(first).getMessage().contains("byte offset 3520: byte offset of the first trace"));
    }

    @Test
    void variableExtendedHeadersWithoutEndText() throws Exception {
        Path p = patched("segyio_small.sgy", b -> {
            b.putShort(3500, (short) 0x0100);
            b.putShort(3504, (short) -1);
        });
        assertTrue(refused(p).getMessage().contains("byte offset 3504: a variable number of extended textual "
                + "headers (-1) without an ((SEG: EndText)) stanza"));
    }

    @Test
    void missingFile() {
        assertTrue(refused(dir.resolve("nope.sgy")).getMessage().endsWith("nope.sgy: no such file"));
    }

    private static long allocatedBy(Runnable r) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        r.run(); // warm up class loading
        long before = mx.getThreadAllocatedBytes(id);
        r.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }
}
