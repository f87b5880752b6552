package org.geoassure.ingest.voxet;

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
 * Truncated and byte-flipped copies of small.vo and its property files: every read ends normally or with
 * {@link InvalidContentException}, within 10 s, never with another exception. The seed is in each case's name;
 * rerun one with {@code -Dvoxet.seed=<seed>}.
 */
class VoxetRobustnessTest {
    private static final long SEED = Long.getLong("voxet.seed", 20261129L);

    @TempDir
    static Path dir;

    private static void check(Path vo, String what) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    VoxetReader.read(vo, "m");
                } catch (InvalidContentException expected) {
                    // a clear bad-input error: the aim
                }
            }, () -> what + ": timed out (seed " + SEED + ")");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(what + ": " + e + " (seed " + SEED + ", rerun with -Dvoxet.seed=" + SEED + ")", e);
        }
    }

    @TestFactory
    Stream<DynamicTest> truncations() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : VoxetTestFiles.SMALL) {
            byte[] all = Files.readAllBytes(VoxetTestFiles.file(name));
            for (int n = 0; n < 12; n++) {
                int cut = n == 0 ? 0 : n == 1 ? all.length - 1 : rnd.nextInt(all.length);
                int index = tests.size();
                tests.add(DynamicTest.dynamicTest(name + " cut at " + cut + " (seed " + SEED + ")", () -> {
                    Path vo = VoxetTestFiles.copySmall(dir.resolve("cut" + index));
                    Files.write(vo.resolveSibling(name), Arrays.copyOf(all, cut));
                    check(vo, name + " cut at " + cut);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> byteFlips() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String name = VoxetTestFiles.SMALL[i % 2 == 0 ? 0 : 1 + rnd.nextInt(3)];
            byte[] b = Files.readAllBytes(VoxetTestFiles.file(name));
            StringBuilder changes = new StringBuilder();
            int flips = 1 + rnd.nextInt(8);
            for (int k = 0; k < flips; k++) {
                int pos = rnd.nextInt(b.length);
                b[pos] = rnd.nextInt(4) == 0 ? (byte) ~b[pos] : (byte) rnd.nextInt(256);
                changes.append(' ').append(pos);
            }
            int index = i;
            tests.add(DynamicTest.dynamicTest(name + " #" + i + " bytes" + changes + " (seed " + SEED + ")", () -> {
                Path vo = VoxetTestFiles.copySmall(dir.resolve("flip" + index));
                Files.write(vo.resolveSibling(name), b);
                check(vo, name + " #" + index + " bytes" + changes);
            }));
        }
        return tests.stream();
    }
}
