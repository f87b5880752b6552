package org.geoassure.ingest.segy;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.geoassure.geodb.InvalidContentException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated and byte-flipped copies of the rotated acute-small and the real F3 files read as block models: every read
 * ends normally or with {@link InvalidContentException}, within 10 s. Rerun a case with {@code -Dsegy.seed=<seed>}.
 */
class SegyVolumeRobustnessTest {
    private static final long SEED = Long.getLong("segy.seed", 20261129L);
    private static final List<String> FILES = List.of("segyio_acute-small.sgy", "segyio_f3.sgy");

    @TempDir
    static Path dir;

    private static void check(Path p, String what) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    SegyVolumeReader.read(p, SegyVolumeOptions.time("m", "amplitude"));
                } catch (InvalidContentException expected) {
                    // a clear bad-input error: the aim
                }
            }, () -> what + ": timed out (seed " + SEED + ")");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(what + ": " + e + " (seed " + SEED + ", rerun with -Dsegy.seed=" + SEED + ")", e);
        }
    }

    @TestFactory
    Stream<DynamicTest> truncationsAndFlips() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES) {
            byte[] all = Files.readAllBytes(SegyTestFiles.file(name));
            for (int n = 0; n < 15; n++) {
                int cut = n == 0 ? 3600 : rnd.nextInt(all.length);
                tests.add(DynamicTest.dynamicTest(name + " cut at " + cut + " (seed " + SEED + ")", () -> {
                    Path p = dir.resolve("cut-" + cut + "-" + name);
                    Files.write(p, Arrays.copyOf(all, cut));
                    check(p, name + " cut at " + cut);
                }));
            }
            for (int n = 0; n < 60; n++) {
                byte[] b = all.clone();
                StringBuilder changes = new StringBuilder();
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    // half in the headers of the first traces (line numbers, coordinates, delays), half anywhere
                    int pos = rnd.nextBoolean() ? 3600 + rnd.nextInt(Math.min(2000, b.length - 3600))
                            : rnd.nextInt(b.length);
                    b[pos] = rnd.nextInt(4) == 0 ? (byte) ~b[pos] : (byte) rnd.nextInt(256);
                    changes.append(' ').append(pos);
                }
                int index = n;
                tests.add(DynamicTest.dynamicTest(name + " #" + n + " bytes" + changes + " (seed " + SEED + ")", () -> {
                    Path p = dir.resolve("flip-" + index + "-" + name);
                    Files.write(p, b);
                    check(p, name + " #" + index + " bytes" + changes);
                }));
            }
        }
        return tests.stream();
    }
}
