package org.geoassure.ingest.modem;

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
 * Truncated copies of the Paralana ModEM model and copies with characters replaced (mostly in the header and cell
 * widths): every read ends normally or with {@link InvalidContentException}, within 20 s. Rerun a case with {@code -Dmodem.seed=<seed>}.
 */
class ModemRobustnessTest {
    private static final long SEED = Long.getLong("modem.seed", 20261129L);

    @TempDir
    static Path dir;

    private static void check(Path p, String what) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    ModemReader.read(p, ModemOptions.defaults("m").withCell(1000, 1000, 500).withDepth(3000));
                } catch (InvalidContentException expected) {
                    // a clear bad-input error: the aim
                }
            }, () -> what + ": timed out (seed " + SEED + ")");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(what + ": " + e + " (seed " + SEED + ", rerun with -Dmodem.seed=" + SEED + ")", e);
        }
    }

    @TestFactory
    Stream<DynamicTest> truncationsAndFlips() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[] all = Files.readAllBytes(ModemReaderTest.paralana(dir));
        List<DynamicTest> tests = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            int cut = n == 0 ? 0 : rnd.nextInt(all.length);
            tests.add(DynamicTest.dynamicTest("cut at " + cut + " (seed " + SEED + ")", () -> {
                Path p = dir.resolve("cut-" + cut + ".rho");
                Files.write(p, Arrays.copyOf(all, cut));
                check(p, "cut at " + cut);
            }));
        }
        for (int n = 0; n < 30; n++) {
            byte[] b = all.clone();
            StringBuilder changes = new StringBuilder();
            int flips = 1 + rnd.nextInt(6);
            for (int k = 0; k < flips; k++) {
                // mostly in the header and widths (the first 3 000 bytes), where a change alters the mesh
                int pos = rnd.nextInt(4) != 0 ? rnd.nextInt(3000) : rnd.nextInt(b.length);
                b[pos] = (byte) "0123456789 .-E\nx".charAt(rnd.nextInt(16));
                changes.append(' ').append(pos);
            }
            int index = n;
            tests.add(DynamicTest.dynamicTest("#" + n + " bytes" + changes + " (seed " + SEED + ")", () -> {
                Path p = dir.resolve("flip-" + index + ".rho");
                Files.write(p, b);
                check(p, "#" + index + " bytes" + changes);
            }));
        }
        return tests.stream();
    }
}
