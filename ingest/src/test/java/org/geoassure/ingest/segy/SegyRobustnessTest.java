package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated files and random byte flips of the real F3 samples (and the small synthetic files): every read ends
 * normally or with {@link InvalidContentException} (or its {@code UnsupportedFormatException}), within 10 s, never
 * with an OutOfMemoryError, a NullPointerException or another exception. The seed is in every case's name and
 * failure message; rerun one with {@code -Dsegy.seed=<seed>}.
 */
class SegyRobustnessTest {
    private static final long SEED = Long.getLong("segy.seed", System.nanoTime());
    private static final List<String> FILES = List.of("segyio_f3.sgy", "segyio_f3-lsb.sgy",
            "segyio_multiformats_Format1msb.sgy", "segyio_multiformats_Format5lsb.sgy",
            "segyio_multiformats_Format8msb.sgy", "segyio_small-ps.sgy", "segyio_rotated-small-rev2.sgy",
            "segyio_multi-text.sgy");

    @TempDir
    static Path dir;

    /** Reads everything the API offers; returns normally or throws. */
    private static void readAll(Path p) throws Exception {
        try (SegyFile f = SegyReader.open(p)) {
            f.textualHeader().card(0);
            float[] s = new float[f.samplesPerTrace()];
            for (int t = 0; t < f.traceCount(); t++) {
                f.traceHeader(t).cdpX();
                f.readSamples(t, s, 0);
            }
            float[] all = new float[f.traceCount() * f.samplesPerTrace()];
            f.readTraces(0, f.traceCount(), all, 0);
            f.geometry().traceIndex(1, 1, 0);
        }
    }

    private static void check(Path p, String what, boolean mustFail) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    readAll(p);
                    if (mustFail) {
                        fail(what + ": read without error (seed " + SEED + ")");
                    }
                } catch (InvalidContentException expected) {
                    // a clear bad-input error: the aim
                }
            }, () -> what + ": timed out (seed " + SEED + ")");
        } catch (Throwable e) {
            if (e instanceof AssertionError a && a.getMessage() != null && a.getMessage().contains("seed")) {
                throw a;
            }
            throw new AssertionError(what + ": " + e + " (seed " + SEED + ", rerun with -Dsegy.seed=" + SEED + ")",
                    e);
        }
    }

    /** About 30 cut points per file: around every header boundary, inside traces, and random ones. */
    @TestFactory
    Stream<DynamicTest> truncations() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES.subList(0, 4)) {
            byte[] all = Files.readAllBytes(SegyTestFiles.file(name));
            long start;
            int length;
            try (SegyFile f = SegyReader.open(SegyTestFiles.file(name))) {
                start = f.traceByteOffset(0);
                length = f.traceLength();
            }
            TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 1, 239, 240, 241, 3199, 3200, 3201, 3599, 3600, 3601,
                    3839, 3840, 3841, all.length - 1));
            for (int k : new int[] {1, 2, 7}) {
                cuts.add((int) start + k * length - 1);
                cuts.add((int) start + k * length + 1);
            }
            while (cuts.size() < 30) {
                cuts.add(rnd.nextInt(all.length));
            }
            for (int cut : cuts) {
                boolean boundary = cut >= start && (cut - start) % length == 0;
                tests.add(DynamicTest.dynamicTest(name + " cut at " + cut + " (seed " + SEED + ")", () -> {
                    Path p = dir.resolve("cut-" + cut + "-" + name);
                    Files.write(p, Arrays.copyOf(all, cut));
                    check(p, name + " cut at " + cut, !boundary);
                }));
            }
        }
        return tests.stream();
    }

    /** 240 mutated files: 1 to 8 random bytes each, half in the 3600 header bytes and first trace header. */
    @TestFactory
    Stream<DynamicTest> byteFlips() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String name = FILES.get(i % FILES.size());
            byte[] b = Files.readAllBytes(SegyTestFiles.file(name));
            StringBuilder changes = new StringBuilder();
            int flips = 1 + rnd.nextInt(8);
            for (int k = 0; k < flips; k++) {
                int pos = rnd.nextBoolean() ? 3200 + rnd.nextInt(640) : rnd.nextInt(b.length);
                byte v = (byte) rnd.nextInt(256);
                b[pos] = rnd.nextInt(4) == 0 ? (byte) ~b[pos] : v;
                changes.append(' ').append(pos);
            }
            int index = i;
            tests.add(DynamicTest.dynamicTest(name + " #" + i + " bytes" + changes + " (seed " + SEED + ")", () -> {
                Path p = dir.resolve("flip-" + index + "-" + name);
                Files.write(p, b);
                check(p, name + " #" + index + " bytes" + changes, false);
            }));
        }
        return tests.stream();
    }
}
